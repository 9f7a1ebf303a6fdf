/**
 * Converts the shared labelled sets whose fields differ from the eval command's input format into that format.
 * Reads from `../shared/data` (or $SIFT_DATA_DIR) at run time and writes to --output (never into the repo).
 * Sets that already fit (kaggle_insults, jigsaw_toxic_small, offtopic_*) need no conversion.
 *
 *   node -r @swc-node/register -r ./scripts/resolve-ts.cjs libs/triage-engine/src/eval/convert.ts \
 *     --set olid-tin-test --output /tmp/olid_tin_test.jsonl
 *
 * olid-tin[-test]   OLID train/test: label 1 = subtask_b TIN (targeted insult or threat), 0 = everything else
 * fox-hateful       Fox News comments: label 1 = hateful (related to insult, not the same)
 * socc-toxic        SOCC: label 1 = toxicity 3-4 (toxic, very toxic)
 * davidson-offensive Davidson tweets: label 1 = hate or offensive (a false-positive stress test)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Row = Record<string, unknown>;
const SETS: Record<string, { file: string; map: (r: Row) => { id: unknown; text: unknown; label: number } }> = {
  'olid-tin': { file: 'olid/train.jsonl', map: (r) => ({ id: r.id, text: r.text, label: r.subtask_b === 'TIN' ? 1 : 0 }) },
  'olid-tin-test': { file: 'olid/test.jsonl', map: (r) => ({ id: r.id, text: r.text, label: r.subtask_b === 'TIN' ? 1 : 0 }) },
  'fox-hateful': { file: 'fox_news_comments/comments.jsonl', map: (r) => ({ id: r.id, text: r.text, label: Number(r.label) }) },
  'socc-toxic': {
    file: 'socc_constructiveness_toxicity/comments.jsonl',
    map: (r) => ({ id: r.id, text: r.text, label: Number(r.label) >= 3 ? 1 : 0 }),
  },
  'davidson-offensive': {
    file: 'davidson_hate_offensive/labeled_data.jsonl',
    map: (r) => ({ id: r.id, text: r.text, label: Number(r.label) === 2 ? 0 : 1 }),
  },
};

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const set = arg('set');
const output = arg('output');
if (!set || !SETS[set] || !output) {
  console.error(`usage: convert.ts --set ${Object.keys(SETS).join('|')} --output FILE.jsonl`);
  process.exit(2);
}
const dataDir = process.env.SIFT_DATA_DIR ?? resolve(process.cwd(), '../shared/data');
const file = resolve(dataDir, SETS[set].file);
if (!existsSync(file)) {
  console.log(`skipped: ${file} is not there`);
  process.exit(0);
}
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.stringify(SETS[set].map(JSON.parse(l) as Row)));
writeFileSync(output, `${rows.join('\n')}\n`);
console.log(`${set}: ${rows.length} rows → ${output}`);
