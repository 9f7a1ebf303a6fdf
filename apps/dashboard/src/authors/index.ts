import type { ResourceProps } from 'react-admin';
import { AuthorList } from './AuthorList';

/** Readers as the moderators see them: `/api/moderation/authors` (id = author key). */
export const authors = {
  name: 'authors',
  list: AuthorList,
  recordRepresentation: 'displayName',
} satisfies ResourceProps;
