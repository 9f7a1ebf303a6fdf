import type { ReactNode } from 'react';
import { Layout } from 'react-admin';
import { LiveProvider } from '../providers/live';
import { PresenceProvider } from '../providers/presence';
import { SiftMenu } from './Menu';
import { SessionDialog } from './SessionDialog';
import { UndoBar } from './UndoBar';

/**
 * react-admin's layout with Sift's menu, the undo bar of held decisions and the sign-in dialog of an ended session,
 * inside one live-updates connection (and who else has which card open, kept by it).
 */
export const SiftLayout = ({ children }: { children: ReactNode }) => (
  <LiveProvider>
    <PresenceProvider>
      <Layout menu={SiftMenu}>
        {children}
        <UndoBar />
        <SessionDialog />
      </Layout>
    </PresenceProvider>
  </LiveProvider>
);
