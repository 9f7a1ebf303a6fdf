import type { ResourceProps } from 'react-admin';
import { CommentList } from './CommentList';
import { CommentShow } from './CommentShow';

/** The moderation queue: `/api/moderation/comments`, read-only for now (list + show). */
export const comments = {
  name: 'comments',
  list: CommentList,
  show: CommentShow,
  recordRepresentation: 'authorName',
} satisfies ResourceProps;
