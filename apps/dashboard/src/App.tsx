import { Admin, Resource } from 'react-admin';
import { authors } from './authors';
import { campaigns } from './campaigns';
import { comments } from './comments';
import { Home } from './home/Home';
import { learning } from './learning';
import { SiftLayout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { rules } from './rules';
import { settings } from './settings';
import { users } from './users';

/**
 * Moderators get Home, the queues, Authors and Learning (read-only); admins also Users, Rules and Settings (the menu shows it to admins only, the page says
 * "admins only" to anyone else without calling the API, and the API answers 403 regardless).
 */
export const App = () => (
  <Admin
    title="Sift"
    dataProvider={dataProvider}
    authProvider={authProvider}
    loginPage={LoginPage}
    dashboard={Home}
    layout={SiftLayout}
    requireAuth
    disableTelemetry
  >
    <Resource {...comments} />
    <Resource {...campaigns} />
    <Resource {...authors} />
    <Resource {...users} />
    <Resource {...learning} />
    <Resource {...rules} />
    <Resource {...settings} />
  </Admin>
);
