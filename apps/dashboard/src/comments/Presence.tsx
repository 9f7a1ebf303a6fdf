import VisibilityIcon from '@mui/icons-material/Visibility';
import { Alert, Tooltip } from '@mui/material';
import { useLookingAt, useOthersLooking } from '../providers/presence';

const names = (viewers: ReadonlyArray<{ name: string }>) => viewers.map((v) => v.name).join(', ');

/**
 * On an open card: tells the API this moderator is looking (while mounted), and names the other staff looking at
 * the same comment right now — "Also looking: Mo Moderator" — so two people do not decide it at once.
 */
export const AlsoLooking = ({ commentId }: { commentId: string }) => {
  useLookingAt(commentId);
  const others = useOthersLooking(commentId);
  if (others.length === 0) return null;
  return (
    <Alert severity="info" icon={<VisibilityIcon fontSize="inherit" />} data-presence={names(others)} sx={{ py: 0, mx: 2, mt: 1 }}>
      Also looking: {names(others)}
    </Alert>
  );
};

/** On a queue row: an eye when another staff member has the comment's card open (who, on hover). */
export const RowPresence = ({ commentId }: { commentId: string }) => {
  const others = useOthersLooking(commentId);
  if (others.length === 0) return null;
  return (
    <Tooltip title={`Open now: ${names(others)}`}>
      <VisibilityIcon fontSize="small" color="info" data-row-presence={names(others)} aria-label={`Open now: ${names(others)}`} sx={{ verticalAlign: 'middle', ml: 0.5 }} />
    </Tooltip>
  );
};
