import type { EvidenceSpan, FlagRecord } from '@sift/shared';

/** An evidence span with the rule that found it. */
export interface RuleSpan extends EvidenceSpan {
  ruleName: string;
}

/** A run of the text, and the spans that cover all of it (none for plain text). */
export interface TextSegment {
  start: number;
  text: string;
  spans: RuleSpan[];
}

/** The spans every flag recorded for one field of the comment. */
export function spansFor(flags: readonly FlagRecord[], field: EvidenceSpan['field']): RuleSpan[] {
  return flags.flatMap((flag) =>
    (flag.evidence.spans ?? []).filter((s) => s.field === field).map((s) => ({ ...s, ruleName: flag.ruleName })),
  );
}

/**
 * Cut `text` at every span boundary. Offsets are UTF-16 indices into the text the rule saw, which is the stored
 * text; a span whose offsets do not point at its own `text` is left out rather than highlighting the wrong words.
 * Overlapping spans (two rules on the same words) give segments covered by both.
 */
export function segmentText(text: string, spans: readonly RuleSpan[]): TextSegment[] {
  const valid = spans.filter(
    (s) =>
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      s.start >= 0 &&
      s.start < s.end &&
      s.end <= text.length &&
      text.slice(s.start, s.end) === s.text,
  );
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    segments.push({ start, text: text.slice(start, end), spans: valid.filter((s) => s.start <= start && s.end >= end) });
  }
  return segments;
}
