import { Box, Tooltip } from '@mui/material';
import { type RuleSpan, segmentText } from './evidence';

/**
 * The comment text as text (React escapes it; never HTML), with each evidence span marked in place.
 * Hovering a mark says which rule matched and what.
 */
export const HighlightedText = ({ text, spans }: { text: string; spans: readonly RuleSpan[] }) => (
  <>
    {segmentText(text, spans).map((segment) =>
      segment.spans.length === 0 ? (
        <span key={segment.start}>{segment.text}</span>
      ) : (
        <Tooltip key={segment.start} title={segment.spans.map((s) => `${s.ruleName}: ${s.label}`).join(' · ')}>
          <Box
            component="mark"
            data-rule={segment.spans.map((s) => s.ruleName).join(',')}
            sx={{ bgcolor: 'warning.light', color: 'inherit', borderRadius: 0.5, px: 0.25, boxDecorationBreak: 'clone' }}
          >
            {segment.text}
          </Box>
        </Tooltip>
      ),
    )}
  </>
);
