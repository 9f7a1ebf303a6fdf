import { Box, Tooltip } from '@mui/material';
import { type RuleSpan, segmentText } from './evidence';

/**
 * The comment text as text (React escapes it; never HTML), with each evidence span marked in place and labelled
 * with its rule. Hovering a mark says which rule matched and what.
 */
export const HighlightedText = ({ text, spans }: { text: string; spans: readonly RuleSpan[] }) => {
  const segments = segmentText(text, spans);
  return (
    <>
      {segments.map((segment, i) => {
        if (segment.spans.length === 0) return <span key={segment.start}>{segment.text}</span>;
        const rules = [...new Set(segment.spans.map((s) => s.ruleName))];
        // Label a run of marks once, after its last segment.
        const next = segments[i + 1];
        const label = !next || next.spans.length === 0 || next.spans.map((s) => s.ruleName).join() !== segment.spans.map((s) => s.ruleName).join();
        return (
          <span key={segment.start}>
            <Tooltip title={segment.spans.map((s) => `${s.ruleName}: ${s.label}`).join(' · ')}>
              <Box
                component="mark"
                data-rule={rules.join(',')}
                sx={{ bgcolor: 'warning.light', color: 'inherit', borderRadius: 0.5, px: 0.25, boxDecorationBreak: 'clone' }}
              >
                {segment.text}
              </Box>
            </Tooltip>
            {label && (
              <Box
                component="sup"
                data-rule-label={rules.join(',')}
                sx={{ fontSize: '0.62em', fontWeight: 700, color: 'warning.dark', ml: 0.25, letterSpacing: 0.2, userSelect: 'none' }}
              >
                {rules.join(' · ')}
              </Box>
            )}
          </span>
        );
      })}
    </>
  );
};
