#!/usr/bin/env node
// `npm run bench:queue-login`: how long after "Sign in" the Flagged queue is interactive, as a moderator meets it.
// 1. a throwaway stack (scripts/bench/stack.mjs): its own database and Redis prefix, the built API serving the
//    production build of the dashboard (dist/apps/dashboard), and a worker;
// 2. fills it in SQL: BENCH_COMMENTS (default 20,000) comments on 50 articles, 5 % flagged with a flag each;
//    creates a moderator (cli.js);
// 3. BENCH_RUNS times (default 10) per path, each in a fresh Chromium context (Debian's, through playwright-core:
//    empty cache and storage, a new moderator's first visit), times from the click on "Sign in" until the Flagged
//    queue is interactive: its rows rendered, the first row focused, the keyboard focus on the list (j/k/a/h act;
//    the script then presses j and checks the focus moved). Two paths:
//      home  the dashboard's address signed out → sign in → Home → a click on "Flagged" in the menu as soon as it
//            can be clicked (what a moderator starting a shift does);
//      link  a link to the Flagged queue signed out → sign in → the queue (react-admin's redirect after sign-in);
// 4. prints each run, the median and p90 per path, and the requests of the median run (what the time went on).
// Options: BENCH_COMMENTS, BENCH_RUNS, BENCH_PATHS (default "home,link"), BENCH_DASHBOARD_DIR (default
// dist/apps/dashboard, the production build npm start serves), BENCH_CPU_THROTTLE (Chrome DevTools CPU slow-down
// factor, default 1), BENCH_PROFILE=file.cpuprofile (one more run per path under the CPU profiler, written there,
// with the functions that took the most time printed; build with `--minify false` for readable names), CHROMIUM_PATH.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { ROOT } from '../lib.mjs';
import { createStack, machine, percentile } from './stack.mjs';

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const THROTTLE = Number(process.env.BENCH_CPU_THROTTLE ?? 1);
const PROFILE = process.env.BENCH_PROFILE;
const PATHS = (process.env.BENCH_PATHS ?? 'home,link').split(',');
const DASHBOARD = process.env.BENCH_DASHBOARD_DIR ?? join(ROOT, 'dist/apps/dashboard');
if (!existsSync(join(DASHBOARD, 'index.html'))) {
  console.error('build first: npx nx run-many -t build (npm run bench:queue-login does)');
  process.exit(1);
}
const email = 'bench-moderator@example.com';
const password = `${randomBytes(12).toString('base64url')}-Aa1`;
const QUEUE = `/#/comments?filter=${encodeURIComponent(JSON.stringify({ status: ['flagged'] }))}&sort=priority&order=DESC&page=1`;

const stack = await createStack('queue_login');
let browser;
try {
  console.log(`# bench:queue-login — ${COMMENTS.toLocaleString('en')} comments, ${RUNS} runs per path, dashboard ${DASHBOARD.replace(`${ROOT}/`, '')}${THROTTLE > 1 ? `, CPU throttled ×${THROTTLE}` : ''}`);
  console.log(`machine: ${machine()}`);
  const db = stack.pool;
  await db.query(`INSERT INTO articles (external_id, title, body, author)
    SELECT 'a' || g, 'Council budget ' || g, 'The council voted on the budget for schools and roads.', 'Newsroom' FROM generate_series(1, 50) g`);
  await db.query(
    `INSERT INTO comments (article_id, author_name, author_key, body, status, version, priority, received_at, decided_at)
     SELECT (SELECT id FROM articles ORDER BY id OFFSET g % 50 LIMIT 1), 'Reader ' || (g % 3000), 'name:r' || (g % 3000),
            'Comment ' || g || ' on the budget: the schools, the roads and the bus lanes. ' || md5(g::text),
            s.status, 2, CASE WHEN s.status = 'flagged' THEN round((0.5 + random() * 8.5)::numeric, 2) ELSE 0 END,
            now() - (g::double precision / $1) * interval '7 days',
            CASE WHEN s.status = 'flagged' THEN NULL ELSE now() - (g::double precision / $1) * interval '7 days' + interval '5 minutes' END
       FROM generate_series(1, $1) g
       CROSS JOIN LATERAL (SELECT CASE WHEN g % 100 < 88 THEN 'approved' WHEN g % 100 < 95 THEN 'hidden' ELSE 'flagged' END AS status) s`,
    [COMMENTS],
  );
  const [rule] = (await db.query(`SELECT id, name, type, version, action FROM rules WHERE type = 'insult'`)).rows;
  await db.query(
    `INSERT INTO triage_decisions (comment_id, outcome_status, applied, rules_version, hit_count, error_count, duration_ms)
     SELECT id, status, true, 'bench', 1, 0, 1 FROM comments WHERE status = 'flagged'`,
  );
  await db.query(
    `INSERT INTO triage_flags (decision_id, comment_id, rule_id, rule_name, rule_type, rule_version, action, mode, outcome, score, threshold, evidence)
     SELECT d.id, d.comment_id, $1, $2, $3, $4, $5, 'live', 'hit', 0.9, 0.4, jsonb_build_object('summary', 'bench flag', 'spans', '[]'::jsonb)
       FROM triage_decisions d`,
    [rule.id, rule.name, rule.type, rule.version, rule.action],
  );
  await db.query('VACUUM ANALYZE');
  await promisify(execFile)(process.execPath, [join(ROOT, 'dist/apps/api/cli.js'), 'create-user', '--email', email, '--name', 'Bench Moderator', '--role', 'moderator'], {
    cwd: ROOT,
    env: { ...stack.env, SIFT_PASSWORD: password },
  });
  stack.env.DASHBOARD_DIR = DASHBOARD;
  const base = await stack.startApi();
  stack.startWorker();

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'],
  });

  /** One moderator's first visit: the milliseconds from the click on "Sign in" to an interactive queue, and the requests. */
  const once = async (path, profile = false) => {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const cdp = await context.newCDPSession(page);
    if (THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.goto(path === 'link' ? QUEUE : '/');
    await page.locator('input[name="email"]').waitFor();
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    const requests = [];
    page.on('requestfinished', (req) => {
      const t = req.timing();
      requests.push({ url: req.url().replace(base, ''), start: t.startTime, end: t.startTime + t.responseEnd });
    });
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const clickedAt = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Sign in' }).click();
    if (path === 'home') await page.locator('[data-queue="flagged"]').click();
    // Interactive: rows drawn, the first one focused, the keyboard focus on the list (not on the form or the menu).
    const readyAt = await page.waitForFunction(
      () => {
        const list = document.querySelector('[data-queue-list]');
        const ok = document.querySelector('tbody tr [data-row-focused="true"]') && list && list.contains(document.activeElement);
        return ok ? performance.now() : false;
      },
      undefined,
      { polling: 'raf' },
    );
    const ms = (await readyAt.jsonValue()) - clickedAt;
    const cpuProfile = profile ? (await cdp.send('Profiler.stop')).profile : null;
    // It really is: `j` moves the focus to the second row.
    await page.keyboard.press('j');
    await page.locator('tbody tr:nth-of-type(2) [data-row-focused="true"]').waitFor();
    const origin = await page.evaluate(() => performance.timeOrigin);
    await context.close();
    return { ms, cpuProfile, requests: requests.map((r) => ({ ...r, start: r.start - origin - clickedAt, end: r.end - origin - clickedAt })) };
  };

  /** Self time per function (name, file, line) of a CPU profile, most first. */
  const topFunctions = (profile, n = 15) => {
    const dt = new Map();
    profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
    const byFn = new Map();
    for (const node of profile.nodes) {
      const f = node.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(base, '')}:${f.lineNumber + 1}`;
      byFn.set(key, (byFn.get(key) ?? 0) + (dt.get(node.id) ?? 0));
    }
    return [...byFn].sort((a, b) => b[1] - a[1]).slice(0, n);
  };

  await once('link'); // warm-up: the API's first sign-in and queries
  for (const path of PATHS) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(path));
    const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
    const median = percentile(sorted, 50);
    console.log(`\n${path}: ${runs.map((r) => Math.round(r.ms)).join(', ')} ms`);
    console.log(
      `${path}: queue interactive after sign-in: median ${Math.round(median)} ms, p90 ${Math.round(percentile(sorted, 90))} ms, min ${Math.round(sorted[0])} ms, max ${Math.round(sorted.at(-1))} ms (${RUNS} runs)`,
    );
    console.log(`requests of the median run (ms after the click):`);
    for (const r of runs.find((x) => x.ms === median).requests.sort((a, b) => a.start - b.start)) {
      console.log(`  ${String(Math.round(r.start)).padStart(5)} → ${String(Math.round(r.end)).padStart(5)}  ${r.url.length > 90 ? `${r.url.slice(0, 90)}…` : r.url}`);
    }
    if (PROFILE) {
      const { ms, cpuProfile } = await once(path, true);
      const file = PROFILE.replace(/(\.cpuprofile)?$/, `-${path}.cpuprofile`);
      writeFileSync(file, JSON.stringify(cpuProfile));
      console.log(`profiled run: ${Math.round(ms)} ms, profile in ${file}; most self time:`);
      for (const [fn, t] of topFunctions(cpuProfile)) console.log(`  ${t.toFixed(1).padStart(7)} ms  ${fn}`);
    }
  }
} finally {
  await browser?.close();
  await stack.stop();
}
