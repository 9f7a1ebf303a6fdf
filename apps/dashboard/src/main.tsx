import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { redirectAnonymousToLogin } from './providers/authProvider';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

redirectAnonymousToLogin(window.location);
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
