import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { LiveProvider } from '../providers/live';
import { SiftMenu } from './Menu';
import { UndoBar } from './UndoBar';

/** react-admin's layout with Sift's menu and the undo bar of held decisions, inside one live-updates connection. */
export const SiftLayout = ({ children }: { children: ReactNode }) => (
  <LiveProvider>
    <Layout menu={SiftMenu}>
      {children}
      <UndoBar />
    </Layout>
  </LiveProvider>
);
