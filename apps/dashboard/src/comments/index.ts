import type { ResourceProps } from 'react-admin';
import { CommentList } from './CommentList';
import { CommentShow } from './CommentShow';

/** The moderation queue (`/api/moderation/comments`): queues, card drawer, decisions, bulk, keyboard, live. */
export const comments = {
  name: 'comments',
  list: CommentList,
  show: CommentShow,
  recordRepresentation: 'authorName',
} satisfies ResourceProps;
