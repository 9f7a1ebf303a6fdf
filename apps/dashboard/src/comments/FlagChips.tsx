import { Chip, Stack, Tooltip } from '@mui/material';
import type { FlagRecord } from '@sift/shared';

/** One chip per recorded rule outcome: a live hit in amber, a rule error in red, a shadow-mode hit outlined. */
export const FlagChip = ({ flag }: { flag: FlagRecord }) => (
  <Tooltip title={flag.evidence.summary}>
    <Chip
      size="small"
      label={flag.mode === 'shadow' ? `${flag.ruleName} (shadow)` : flag.ruleName}
      color={flag.outcome === 'error' ? 'error' : 'warning'}
      variant={flag.mode === 'shadow' ? 'outlined' : 'filled'}
    />
  </Tooltip>
);

/** The rules' chips, and "N reports" when readers have reported the (published) comment. */
export const FlagChips = ({ flags, reports = 0 }: { flags: readonly FlagRecord[]; reports?: number }) =>
  flags.length === 0 && reports === 0 ? null : (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {reports > 0 && <Chip size="small" color="warning" variant="outlined" data-open-reports={reports} label={`${reports} report${reports === 1 ? '' : 's'}`} />}
      {flags.map((flag) => (
        <FlagChip key={flag.id} flag={flag} />
      ))}
    </Stack>
  );
