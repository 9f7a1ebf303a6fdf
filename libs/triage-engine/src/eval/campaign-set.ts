/**
 * Builds a campaign benchmark set at run time (never committed): real comments from ../shared/data as the background
 * stream, with campaigns injected — paraphrased copies of a talking point posted by several authors over several
 * articles within minutes to hours — and a few one-person-many-names cases. Rows in time order:
 * {"id","text","author","article_id","ts","campaign","ip"} (campaign: the true cluster, null for background).
 *
 *   node -r @swc-node/register -r ./scripts/resolve-ts.cjs libs/triage-engine/src/eval/campaign-set.ts \
 *     --output /tmp/sift-campaign-1.jsonl [--seed 1] [--mix standard|unseen] [--campaigns 60] [--background fox,socc,…]
 *
 * `--mix unseen` draws other perturbations (more typos and added sentences, word-order shuffles, doubled letters,
 * other emoji) at other rates: the check on perturbations the defaults were not tuned on.
 * Every copy keeps at least 60 % of its talking point's words (the target population).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { perturb, sharedWords, type Mix } from './campaign-perturb.js';
import { rng } from '../learned/sgd.js';

const SHARED = join(__dirname, '../../../../../shared/data');
const SOURCES: Record<string, { file: string; text: string; article?: string }> = {
  fox: { file: 'fox_news_comments/comments.jsonl', text: 'text', article: 'article_id' },
  socc: { file: 'socc_constructiveness_toxicity/comments.jsonl', text: 'text', article: 'article_id' },
  kaggle: { file: 'kaggle_insults/train.jsonl', text: 'text' },
  jigsaw: { file: 'jigsaw_toxic_small/jigsaw_small.jsonl', text: 'comment_text' },
  olid: { file: 'olid/train.jsonl', text: 'text' },
};

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

interface Base {
  text: string;
  article: string;
}

function loadBackground(names: string[]): Base[] {
  const out: Base[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const src = SOURCES[name];
    if (!src) throw new Error(`unknown background ${name} (one of ${Object.keys(SOURCES).join(', ')})`);
    const file = join(SHARED, src.file);
    if (!existsSync(file)) {
      process.stderr.write(`skipped ${name}: ${src.file} absent\n`);
      continue;
    }
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    lines.forEach((line, i) => {
      const o = JSON.parse(line) as Record<string, unknown>;
      const text = String(o[src.text] ?? '').trim();
      // The sets hold their own repeats (the same comment twice, a reply quoting a whole comment): true
      // near-duplicates, not background. The first copy stays.
      const key = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '').slice(0, 80);
      if (!text || seen.has(key) || text.startsWith('(In reply to:')) return;
      seen.add(key);
      out.push({ text, article: src.article ? String(o[src.article]) : `${name}-${i % 40}` });
    });
  }
  return out;
}

const NAMES = 'Ann Bob Carla Dev Eli Fay Gus Hana Ivo Jo Kim Lev Mara Ned Oli Pia Quin Rae Sol Tam Uma Vic Wen Xia Yan Zed'.split(' ');

function main() {
  const output = arg('output', '');
  if (!output) {
    process.stderr.write('usage: campaign-set.ts --output FILE.jsonl [--seed N] [--mix standard|unseen] [--campaigns N] [--background fox,socc,kaggle,jigsaw,olid]\n');
    process.exit(2);
  }
  const seed = Number(arg('seed', '1'));
  const mix = arg('mix', 'standard') as Mix;
  const rnd = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const background = loadBackground(arg('background', 'fox,socc,kaggle,jigsaw').split(','));
  if (background.length === 0) {
    process.stderr.write('no background data (../shared/data absent): nothing built\n');
    return;
  }
  // Talking points: longer real comments, taken out of the background.
  const order = background.map((_, i) => i).sort(() => rnd() - 0.5);
  const campaignCount = Number(arg('campaigns', '60'));
  const bases = order.filter((i) => background[i].text.split(/\s+/).length >= 15 && background[i].text.length < 900).slice(0, campaignCount);
  // Added sentences come from comments kept out of the stream (a sentence of a background comment would make its
  // copy a true near-duplicate of it).
  const donors = order.filter((i) => !bases.includes(i)).slice(0, 300);
  const baseSet = new Set([...bases, ...donors]);
  const articles = [...new Set(background.map((b) => b.article))];
  const span = 3 * 24 * 3600_000; // background spread over three days
  const start = Date.parse('2026-11-02T08:00:00Z');
  type Row = { id: string; text: string; author: string; article_id: string; ts: number; campaign: string | null; ip: string };
  const rows: Row[] = [];
  background.forEach((b, i) => {
    if (baseSet.has(i)) return;
    rows.push({ id: `bg-${i}`, text: b.text, author: `reader-${i}`, article_id: b.article, ts: start + Math.floor(rnd() * span), campaign: null, ip: `net-${i}` });
  });
  let minShared = 1;
  bases.forEach((bi, c) => {
    const base = background[bi].text;
    const size = 4 + Math.floor(rnd() * 14); // 4–17 comments
    const sockpuppet = c % 10 === 0; // one person, many names
    const authorCount = sockpuppet ? size : Math.max(2, Math.ceil(size * (0.4 + rnd() * 0.6)));
    const arts = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(articles));
    const t0 = start + Math.floor(rnd() * span);
    const gap = pick([5_000, 30_000, 120_000, 600_000]); // a burst in seconds, or a slow drip over hours
    for (let m = 0; m < size; m++) {
      const text = m === 0 && rnd() < 0.5 ? base : perturb(base, rnd, mix, background[pick(donors)].text);
      minShared = Math.min(minShared, sharedWords(base, text));
      const a = m % authorCount;
      rows.push({
        id: `cp-${c}-${m}`,
        text,
        author: sockpuppet ? `${pick(NAMES)}${Math.floor(rnd() * 900) + 100}` : `cp${c}-${pick(NAMES)}-${a}`,
        article_id: pick(arts),
        ts: t0 + Math.floor(m * gap * (0.5 + rnd())),
        campaign: `campaign-${c}`,
        ip: sockpuppet ? `net-cp-${c}` : `net-cp-${c}-${a}`,
      });
    }
  });
  rows.sort((a, b) => a.ts - b.ts || a.id.localeCompare(b.id));
  writeFileSync(output, rows.map((r) => JSON.stringify({ ...r, ts: new Date(r.ts).toISOString() })).join('\n') + '\n');
  const injected = rows.filter((r) => r.campaign).length;
  console.log(`${output}: ${rows.length} rows, ${rows.length - injected} background, ${bases.length} campaigns (${injected} comments), mix ${mix}, seed ${seed}; every copy shares ≥ ${Math.round(minShared * 100)}% of its talking point's words`);
}

if (require.main === module) main();
