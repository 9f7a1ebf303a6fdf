/**
 * Evaluation command: score a labelled (or unlabelled) JSONL file with the default config of one rule type.
 * Pure engine: no Postgres, no Redis, no build step.
 *
 *   npm run -s eval -- --task insult|off_topic --input FILE.jsonl --output SCORES.jsonl
 *   npm run -s eval -- --task campaign --input FILE.jsonl --output CLUSTERS.jsonl   (campaign-eval.ts)
 *
 * insult rows:    {"id", "text", "label"?}            label 1/0
 * off_topic rows: {"comment_id", "comment_text", "article_title", "article_text", "label"?, "parent_text"?}
 *                 label "on_topic"/"off_topic"; title or text may be null
 * Output: one line per input row, same order: {"id", "score", "flagged"}. With labels: P, R, F1, ROC AUC on stdout.
 * `--config JSON` scores with another config (merged over the defaults) for what-if runs.
 * `--peers` (insult only) also scores the same rows with the profanity-filter peers obscenity 0.4.6 and bad-words 4.1.5
 * (dev dependencies; their score is 0/1: matched or not) and prints their P, R, F1 and ROC AUC below Sift's.
 * `--split even|odd` counts only rows at even (0, 2, 4, ...) or odd line positions in the metrics: a split held out
 * from tuning (every row is still scored and written, and off_topic threads still hold all rows of the article).
 * `--threads FILE.jsonl [--thread-size N]` (off_topic): each row's thread is instead the first N (default 50) comments
 * of FILE (rows {"article_id", "text"}) with the row's `article_id`, less the row's own text — the article's real
 * thread, as the worker passes it, rather than the input file's rows (which, in a swap-built set, are half another
 * article's comments).
 * `--learn-from LABELLED.jsonl` (insult, off_topic): the labelled rows (same format as --input) are replayed as moderator
 * decisions through the retrain's training code; --input is then scored by the default rule with that site model in
 * use (the written score is the one that decides the flag). For off_topic each decision is read with its thread as
 * --input rows are (the file's rows of its article, or --threads). `--learning-curve 100,300,1000`: held-out AUC on
 * --input (its --split rows, for off_topic) of models trained on the first N decisions (learn-eval.ts).
 * `--model ARTIFACT.json` (insult): score with a site model
 * the retrain stored (the `artifact` of a `learned_models` row, as `npm run demo:learn` exports it) instead.
 * `--decided flagged [--weak-negatives W]` (insult): only the rows the lexicon flags are decisions, as on a real site; the
 * others are left out, or taken as weak negatives of weight W (learn-eval.ts `asSiteDecisions`).
 */
import { createWriteStream, readFileSync } from 'node:fs';
import type { RuleInput, RuleVerdict } from '../contract/rule.js';
import { insultConfigSchema, insultRule } from '../insult/insult.rule.js';
import { offTopicConfigSchema, offTopicDecisions, offTopicRule, type OffTopicInput } from '../off-topic/off-topic.rule.js';
import { runCampaignEval } from './campaign-eval.js';
import { asDecisions, asSiteDecisions, insultLearner, learn, offTopicLearner, printLearningCurve } from './learn-eval.js';
import { metrics } from '../learned/metrics.js';
import { decodeModel } from '../learned/model.js';

type Task = 'insult' | 'off_topic' | 'campaign';

interface Row {
  id: unknown;
  input: RuleInput;
  label: boolean | null;
  articleId?: string | null;
}

const RECEIVED = new Date(0);

function parseArgs(argv: string[]): {
  task: Task;
  input: string;
  output: string | null;
  config: unknown;
  peers: boolean;
  split: 'even' | 'odd' | null;
  threads: string | null;
  threadSize: number;
  learnFrom: string | null;
  curve: number[] | null;
  model: string | null;
  decided: 'all' | 'flagged';
  weakNegatives: number | null;
} {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) args.set(a.slice(2, eq), a.slice(eq + 1));
      else if (a === '--peers') args.set('peers', 'true');
      else args.set(a.slice(2), argv[++i] ?? '');
    }
  }
  const task = args.get('task');
  const input = args.get('input');
  if ((task !== 'insult' && task !== 'off_topic' && task !== 'campaign') || !input) {
    process.stderr.write(
      'usage: npm run -s eval -- --task insult|off_topic|campaign --input FILE.jsonl [--output SCORES.jsonl] [--config JSON] [--peers] [--split even|odd] [--threads FILE.jsonl [--thread-size N]] [--learn-from LABELLED.jsonl [--learning-curve 100,300,1000] [--decided all|flagged [--weak-negatives W]]] [--model ARTIFACT.json]\n',
    );
    process.exit(2);
  }
  // --config '{"threshold":0.5}': try another config than the default (what-if runs; the default is what ships).
  const config: unknown = args.has('config') ? JSON.parse(args.get('config') as string) : {};
  const split = args.get('split') ?? null;
  if (split !== null && split !== 'even' && split !== 'odd') {
    process.stderr.write('--split must be even or odd\n');
    process.exit(2);
  }
  const threadSize = Number(args.get('thread-size') ?? 50);
  if (!Number.isInteger(threadSize) || threadSize < 1) {
    process.stderr.write('--thread-size must be a positive integer\n');
    process.exit(2);
  }
  const learnFrom = args.get('learn-from') || null;
  const curveArg = args.get('learning-curve');
  const curve = curveArg ? curveArg.split(',').map(Number) : null;
  if (curve && !curve.every((n) => Number.isInteger(n) && n > 0)) fail('--learning-curve takes positive integers, e.g. 100,300,1000');
  if ((learnFrom || curve) && task === 'campaign') fail('--learn-from and --learning-curve: only --task insult and off_topic learn');
  if (curve && !learnFrom) fail('--learning-curve needs --learn-from (the decisions to learn from)');
  const model = args.get('model') || null;
  if (model && (learnFrom || task !== 'insult')) fail('--model: a stored insult model, instead of --learn-from (--task insult)');
  const decided = args.get('decided') ?? 'all';
  if (decided !== 'all' && decided !== 'flagged') fail('--decided must be all or flagged');
  const weakArg = args.get('weak-negatives');
  const weakNegatives = weakArg === undefined ? null : Number(weakArg);
  if (weakNegatives !== null && !(weakNegatives > 0 && weakNegatives <= 1)) fail('--weak-negatives takes a weight in (0, 1]');
  if ((decided === 'flagged' || weakNegatives !== null) && !learnFrom) fail('--decided and --weak-negatives shape the --learn-from decisions');
  if (decided === 'flagged' && task !== 'insult') fail('--decided flagged: only --task insult (off_topic decisions are every labelled row)');
  if (weakNegatives !== null && decided !== 'flagged') fail('--weak-negatives needs --decided flagged (the unflagged rows are the weak negatives)');
  return { task, input, output: args.get('output') || null, config, peers: args.has('peers'), split, threads: args.get('threads') || null, threadSize, learnFrom, curve, model, decided, weakNegatives };
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : v == null ? null : String(v));

function insultLabel(v: unknown): boolean | null {
  if (v === undefined || v === null || v === '') return null;
  if (v === 1 || v === '1' || v === true || v === 'insult' || v === 'TIN') return true;
  if (v === 0 || v === '0' || v === false || v === 'neutral' || v === 'NOT') return false;
  return Number(v) > 0;
}

function offTopicLabel(v: unknown): boolean | null {
  if (v === undefined || v === null || v === '') return null;
  if (v === 'off_topic' || v === 1 || v === '1' || v === true) return true;
  if (v === 'on_topic' || v === 0 || v === '0' || v === false) return false;
  throw new Error(`unknown off_topic label ${JSON.stringify(v)}`);
}

function toRow(task: Exclude<Task, 'campaign'>, o: Record<string, unknown>): Row {
  if (task === 'insult') {
    return {
      id: o.id,
      label: insultLabel(o.label),
      input: {
        comment: { title: str(o.title), body: str(o.text) ?? '', authorName: '', authorId: null, receivedAt: RECEIVED },
        article: null,
        parent: null,
      },
    };
  }
  const title = str(o.article_title);
  const body = str(o.article_text);
  const parent = str(o.parent_text);
  return {
    id: o.comment_id ?? o.id,
    label: offTopicLabel(o.label),
    articleId: str(o.article_id),
    input: {
      comment: { title: null, body: str(o.comment_text) ?? '', authorName: '', authorId: null, receivedAt: RECEIVED },
      article: title || body ? { title: title ?? '', subtitle: str(o.article_subtitle), body } : null,
      parent: parent ? { title: null, body: parent, authorName: '' } : null,
    },
  };
}

/**
 * The objects of a JSONL file, one per non-blank line. Lines end at \n (or \r\n) only: node:readline also breaks at
 * U+2028/U+2029 on Node 24, which JSON strings may hold unescaped.
 */
function readJsonl(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

function readRows(task: Exclude<Task, 'campaign'>, file: string): Row[] {
  return readJsonl(file).map((o) => toRow(task, o));
}

/**
 * Off-topic rows of the same article form its thread: each comment is scored with the others as context (the
 * rule's thread signal), as the worker does with an article's comments.
 */
function withThreads(rows: Row[]): OffTopicInput[] {
  const groups = new Map<string, Array<{ title: string | null; body: string }>>();
  const key = (r: Row) => (r.input.article ? `${r.input.article.title}\u0001${r.input.article.body ?? ''}` : '');
  for (const r of rows) {
    const k = key(r);
    if (!k) continue;
    const g = groups.get(k) ?? [];
    g.push({ title: r.input.comment.title, body: r.input.comment.body });
    groups.set(k, g);
  }
  return rows.map((r) => ({ ...r.input, thread: groups.get(key(r)) }));
}

/**
 * `--threads`: each row's thread is the first `size` comments of the article in `file` (its real thread), less the row's
 * own text.
 */
function withRealThreads(rows: Row[], file: string, size: number): OffTopicInput[] {
  const byArticle = new Map<string, string[]>();
  for (const o of readJsonl(file)) {
    const a = str(o.article_id);
    const text = str(o.text ?? o.comment_text);
    if (!a || !text) continue;
    const g = byArticle.get(a) ?? [];
    g.push(text);
    byArticle.set(a, g);
  }
  return rows.map((r) => {
    const own = r.input.comment.body;
    const all = (r.articleId && byArticle.get(r.articleId)) || [];
    const thread: Array<{ title: string | null; body: string }> = [];
    for (const body of all) {
      if (thread.length >= size) break;
      if (body !== own) thread.push({ title: null, body });
    }
    return { ...r.input, thread };
  });
}

/** The profanity-filter peers, as sites use them out of the box (dev dependencies: the eval and bench only). */
async function loadPeers(): Promise<Array<{ name: string; matches: (text: string) => boolean }>> {
  const { RegExpMatcher, englishDataset, englishRecommendedTransformers } = await import('obscenity');
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const { Filter } = await import('bad-words');
  const filter = new Filter();
  return [
    { name: 'obscenity 0.4.6 (hasMatch)', matches: (t) => obscenity.hasMatch(t) },
    { name: 'bad-words 4.1.5 (isProfane)', matches: (t) => filter.isProfane(t) },
  ];
}

async function main() {
  const { task, input, output, config, peers, split, threads, threadSize, learnFrom, curve, model: modelFile, decided, weakNegatives } = parseArgs(process.argv.slice(2));
  if (task === 'campaign') return runCampaignEval(input, output, config);
  const rows = readRows(task, input);
  const inSplit = (i: number) => split === null || (split === 'even') === (i % 2 === 0);
  let evaluate: (i: RuleInput) => RuleVerdict;
  const threaded = (rs: Row[]): OffTopicInput[] => (threads ? withRealThreads(rs, threads, threadSize) : withThreads(rs));
  if (task === 'insult') {
    const insultConfig = insultConfigSchema.parse(config);
    evaluate = insultRule.compile(insultConfig);
    if (learnFrom) {
      const learner = insultLearner(insultConfig.threshold);
      const replayed = asDecisions(readRows(task, learnFrom), evaluate);
      const decisions = decided === 'flagged' ? asSiteDecisions(replayed, insultConfig.threshold, weakNegatives) : replayed;
      if (curve) printLearningCurve(decisions, curve, asDecisions(rows, evaluate), learner);
      const model = learn(decisions, learner, learnFrom);
      if (model) evaluate = insultRule.compile(insultConfig, { insult: model });
    }
    if (modelFile) evaluate = insultRule.compile(insultConfig, { insult: decodeModel(JSON.parse(readFileSync(modelFile, 'utf8'))) });
  } else {
    const offTopicConfig = offTopicConfigSchema.parse(config);
    evaluate = offTopicRule.compile(offTopicConfig);
    if (learnFrom) {
      // The decisions' threads come from their own file (or --threads), as the worker passes an article's comments.
      const learner = offTopicLearner(offTopicConfig.threshold);
      const labelled = (rs: Row[], keep: (i: number) => boolean) =>
        threaded(rs).flatMap((input, i) => (rs[i].label === null || !keep(i) ? [] : [{ input, label: rs[i].label as boolean }]));
      const decisions = offTopicDecisions(labelled(readRows(task, learnFrom), () => true), offTopicConfig);
      // Held out: the --input rows in --split (all of them without it), each read with its whole thread.
      if (curve) printLearningCurve(decisions, curve, offTopicDecisions(labelled(rows, inSplit), offTopicConfig), learner);
      const model = learn(decisions, learner, learnFrom);
      if (model) evaluate = offTopicRule.compile(offTopicConfig, { offTopic: model });
    }
  }

  const inputs: RuleInput[] = task !== 'off_topic' ? rows.map((r) => r.input) : threaded(rows);
  const t0 = process.hrtime.bigint();
  const verdicts = inputs.map((i) => evaluate(i));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;

  if (output) {
    const out = createWriteStream(output);
    for (let i = 0; i < rows.length; i++) {
      const v = verdicts[i];
      const line = JSON.stringify({ id: rows[i].id, score: Math.min(1, Math.max(0, v.score)), flagged: v.score >= v.threshold });
      if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(r));
  }

  const fmt = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
  console.log(
    `task ${task}  input ${input}  rows ${rows.length}  (${ms.toFixed(0)} ms)${split ? `  metrics on the ${split} rows` : ''}${
      threads && task === 'off_topic' ? `  threads: up to ${threadSize} comments of the article from ${threads}` : ''
    }`,
  );
  const labelled = rows.map((r, i) => ({ r, v: verdicts[i], i })).filter((x) => x.r.label !== null && inSplit(x.i));
  if (labelled.length > 0) {
    const m = metrics(
      labelled.map((x) => x.v.score),
      labelled.map((x) => x.v.score >= x.v.threshold),
      labelled.map((x) => x.r.label as boolean),
    );
    console.log(`labelled ${m.n}  positives ${m.positives}  flagged ${m.tp + m.fp}  tp ${m.tp} fp ${m.fp} fn ${m.fn}`);
    console.log(`precision ${fmt(m.precision)}  recall ${fmt(m.recall)}  F1 ${fmt(m.f1)}  ROC AUC ${fmt(m.auc)}`);
    if (task === 'off_topic') {
      // The same rule without the thread signal (each comment against its article alone), for comparison.
      const alone = labelled.map((x) => evaluate(x.r.input));
      const a = metrics(
        alone.map((v) => v.score),
        alone.map((v) => v.score >= v.threshold),
        labelled.map((x) => x.r.label as boolean),
      );
      console.log(`without thread signal: precision ${fmt(a.precision)}  recall ${fmt(a.recall)}  F1 ${fmt(a.f1)}  ROC AUC ${fmt(a.auc)}`);
    }
  }
  if (peers && labelled.length > 0) {
    if (task !== 'insult') console.log('peers: profanity filters have no notion of topic; --peers applies to --task insult only');
    else {
      const labels = labelled.map((x) => x.r.label as boolean);
      const texts = labelled.map((x) => [x.r.input.comment.title, x.r.input.comment.body].filter(Boolean).join('\n'));
      for (const peer of await loadPeers()) {
        const flags = texts.map((t) => peer.matches(t));
        const p = metrics(
          flags.map((f) => (f ? 1 : 0)),
          flags,
          labels,
        );
        console.log(`peer ${peer.name}: precision ${fmt(p.precision)}  recall ${fmt(p.recall)}  F1 ${fmt(p.f1)}  ROC AUC ${fmt(p.auc)}  (flagged ${p.tp + p.fp})`);
      }
    }
  }
  const unlabelled = rows.filter((r) => r.label === null).length;
  if (unlabelled) console.log(`unlabelled rows: ${unlabelled}`);
}

main().catch((err: unknown) => {
  console.error((err as Error).stack ?? err);
  process.exit(1);
});
