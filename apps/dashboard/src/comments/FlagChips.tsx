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

export const FlagChips = ({ flags }: { flags: readonly FlagRecord[] }) =>
  flags.length === 0 ? null : (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {flags.map((flag) => (
        <FlagChip key={flag.id} flag={flag} />
      ))}
    </Stack>
  );
