import type { ResourceProps } from 'react-admin';
import { SettingsPage } from './SettingsPage';

/** Site settings (admins): one page, no list. */
export const settings = { name: 'settings', list: SettingsPage } satisfies ResourceProps;
