import { Box, Stack, Tooltip, Typography } from '@mui/material';
import { type RuleSpan, segmentText } from './evidence';

/**
 * One highlight colour per rule, in both themes: a pale fill under dark text in light mode, a deep fill under light
 * text in dark mode (each pair well above WCAG AA's 4.5:1 for the theme's text colour), with a stronger underline
 * of the same hue so two rules side by side stay apart.
 */
const HIGHLIGHTS = [
  { light: '#ffe0b2', dark: '#7a3e00', line: '#ef6c00' },
  { light: '#bbdefb', dark: '#0d3c78', line: '#1e88e5' },
  { light: '#e1bee7', dark: '#5a1a6e', line: '#8e24aa' },
  { light: '#c8e6c9', dark: '#1b4d20', line: '#43a047' },
  { light: '#ffcdd2', dark: '#7f1d1d', line: '#e53935' },
  { light: '#fff59d', dark: '#5c5200', line: '#c0a000' },
] as const;

/** The rules in the order they are listed (legend) and coloured. */
export const rulesOf = (spans: readonly RuleSpan[]) => [...new Set(spans.map((s) => s.ruleName))];

const highlight = (rules: readonly string[], rule: string) => HIGHLIGHTS[Math.max(rules.indexOf(rule), 0) % HIGHLIGHTS.length];

/**
 * The comment text as text (React escapes it; never HTML), with each evidence span marked in place in its rule's
 * colour. Which colour is which rule is said once, in the legend (RuleLegend), not after every mark; hovering a
 * mark says which rule matched and what. `rules` fixes the colours when a title and a body share one legend.
 */
export const HighlightedText = ({ text, spans, rules = rulesOf(spans) }: { text: string; spans: readonly RuleSpan[]; rules?: readonly string[] }) => (
  <>
    {segmentText(text, spans).map((segment) => {
      if (segment.spans.length === 0) return <span key={segment.start}>{segment.text}</span>;
      const names = [...new Set(segment.spans.map((s) => s.ruleName))];
      const colour = highlight(rules, names[0]);
      return (
        <Tooltip key={segment.start} title={segment.spans.map((s) => `${s.ruleName}: ${s.label}`).join(' · ')}>
          <Box
            component="mark"
            data-rule={names.join(',')}
            sx={(theme) => ({
              bgcolor: theme.palette.mode === 'dark' ? colour.dark : colour.light,
              color: 'text.primary',
              borderBottom: `2px solid ${colour.line}`,
              // Two rules on the same words: the second one's line above.
              ...(names.length > 1 && { borderTop: `2px solid ${highlight(rules, names[1]).line}` }),
              borderRadius: 0.5,
              px: 0.25,
              boxDecorationBreak: 'clone',
              WebkitBoxDecorationBreak: 'clone',
            })}
          >
            {segment.text}
          </Box>
        </Tooltip>
      );
    })}
  </>
);

/** Which highlight is which rule: each rule once, with its colour. Nothing when no rule marked any words. */
export const RuleLegend = ({ rules }: { rules: readonly string[] }) =>
  rules.length === 0 ? null : (
    <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1 }} useFlexGap data-rule-legend={rules.join(',')}>
      <Typography variant="caption" color="text.secondary">
        Marked by
      </Typography>
      {rules.map((rule) => {
        const colour = highlight(rules, rule);
        return (
          <Stack key={rule} direction="row" spacing={0.5} sx={{ alignItems: 'center' }} data-legend-rule={rule}>
            <Box
              aria-hidden
              sx={(theme) => ({
                width: 14,
                height: 14,
                borderRadius: 0.5,
                bgcolor: theme.palette.mode === 'dark' ? colour.dark : colour.light,
                borderBottom: `2px solid ${colour.line}`,
              })}
            />
            <Typography variant="caption" sx={{ fontWeight: 600 }}>
              {rule}
            </Typography>
          </Stack>
        );
      })}
    </Stack>
  );
