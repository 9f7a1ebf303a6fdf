import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { articleIdFromLocation } from './api';
import { takeAuthorToken } from './author-token';
import { ReaderApp } from './ReaderApp';
import './reader.css';

const container = document.getElementById('reader-root');
if (!container) throw new Error('reader.html has no #reader-root element');

const articleId = articleIdFromLocation();
const embedded = new URLSearchParams(window.location.search).get('embed') === '1';
const author = takeAuthorToken();
if (embedded) document.documentElement.classList.add('embedded');

createRoot(container).render(
  <StrictMode>
    {articleId ? (
      <ReaderApp articleId={articleId} embedded={embedded} author={author} />
    ) : (
      <main className="reader">
        <p className="load-error" role="alert">
          No article given: open /read/&lt;article id&gt;.
        </p>
      </main>
    )}
  </StrictMode>,
);
