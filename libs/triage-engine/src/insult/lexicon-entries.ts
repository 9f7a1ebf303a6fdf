import {
  AMBIGUOUS,
  DIRECTED,
  LEXICON,
  UPPER_ONLY,
  USAGE,
  type InsultKind,
  type InsultPos,
  type LexiconEntry,
  type Severity,
  type Usage,
} from './lexicon.js';

/**
 * The lexicon's tables (lexicon.ts) as a flat list of entries, in the order they are listed: the graded terms, then
 * the directed phrases, each slot expanded, with their context fields.
 */
export function builtinEntries(): LexiconEntry[] {
  const out: LexiconEntry[] = [];
  for (const [kind, bySeverity] of Object.entries(LEXICON) as Array<[InsultKind, (typeof LEXICON)[InsultKind]]>) {
    for (const [severity, byPos] of Object.entries(bySeverity)) {
      for (const [pos, list] of Object.entries(byPos) as Array<[InsultPos, string]>) {
        for (const listed of list.split(/\s+/)) {
          if (!listed) continue;
          for (const term of expandSlots(listed)) out.push({ term: term.replace(/_/g, ' '), kind, severity: Number(severity) as Severity, pos });
        }
      }
    }
  }
  for (const [phrase, severity, kind] of DIRECTED) for (const term of expandSlots(phrase)) out.push({ term, kind, severity, pos: 'p' });
  const ambiguous = new Set(AMBIGUOUS.split(/\s+/).map((t) => t.replace(/_/g, ' ')));
  const upperOnly = new Set(UPPER_ONLY.split(/\s+/));
  for (const e of out) {
    if (ambiguous.has(e.term)) e.ambiguous = true;
    if (upperOnly.has(e.term)) e.upperOnly = true;
    Object.assign(e, usageOf(e.term));
  }
  return out;
}

/** An admin's extra term, with what USAGE says of a built-in term of the same spelling. */
export function withUsage(e: LexiconEntry): LexiconEntry {
  const usage = usageOf(e.term);
  return usage ? { ...e, ...usage } : e;
}

const usageOf = (term: string): Usage | undefined => (Object.hasOwn(USAGE, term) ? USAGE[term] : undefined);

/**
 * Every term a listed term stands for: "lost {his|her} mind" → "lost his mind", "lost her mind". Slots expand left
 * to right, the first slot's words outermost, so the terms keep the order the listing implies.
 */
export function expandSlots(listed: string): string[] {
  const open = listed.indexOf('{');
  if (open < 0) return [listed];
  const close = listed.indexOf('}', open);
  const head = listed.slice(0, open);
  const rest = expandSlots(listed.slice(close + 1));
  const out: string[] = [];
  for (const word of listed.slice(open + 1, close).split('|')) for (const tail of rest) out.push(head + word + tail);
  return out;
}
