import type { ResourceProps } from 'react-admin';
import { UserList } from './UserList';

export const users = { name: 'users', list: UserList, recordRepresentation: 'name' } satisfies ResourceProps;
