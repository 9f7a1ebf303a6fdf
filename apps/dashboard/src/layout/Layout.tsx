import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { LiveProvider } from '../providers/live';
import { SiftMenu } from './Menu';

/** react-admin's layout with Sift's menu, inside one live-updates connection. */
export const SiftLayout = ({ children }: { children: ReactNode }) => (
  <LiveProvider>
    <Layout menu={SiftMenu}>{children}</Layout>
  </LiveProvider>
);
