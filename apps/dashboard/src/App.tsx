import { Admin, LoginWithEmail, Resource } from 'react-admin';
import { comments } from './comments';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';

export const App = () => (
  <Admin
    title="Sift"
    dataProvider={dataProvider}
    authProvider={authProvider}
    loginPage={LoginWithEmail}
    requireAuth
    disableTelemetry
  >
    <Resource {...comments} />
  </Admin>
);
