import { Chip, type ChipProps } from '@mui/material';
import type { CommentStatus } from '@sift/shared';

const COLOR: Record<CommentStatus, ChipProps['color']> = {
  pending: 'default',
  approved: 'success',
  flagged: 'warning',
  hidden: 'error',
};

export const StatusChip = ({ status }: { status: CommentStatus }) => (
  <Chip size="small" label={status} color={COLOR[status]} variant={status === 'pending' ? 'outlined' : 'filled'} />
);
