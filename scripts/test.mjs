#!/usr/bin/env node
// `npm test`: every check, in the order a failure is cheapest to see. Needs Postgres and Redis on localhost
// (or DATABASE_URL / REDIS_URL... see docs/testing.md) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkNode, checkServices, fail, ROOT, run } from './lib.mjs';

checkNode();
await checkServices({
  DATABASE_URL: process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
});

const results = join(ROOT, 'tmp/test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const nx = (args) => ['nx', ...args, '--outputStyle=static'];
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const steps = [
  ['lint and typecheck', nx(['run-many', '-t', 'lint', 'typecheck'])],
  ['build', nx(['run-many', '-t', 'build'])],
  ['unit tests', nx(['run-many', '-t', 'test', '--skip-nx-cache'])],
  ['integration tests (real Postgres + Redis)', nx(['run', 'api:test-integration'])],
  ['browser tests (headless Chromium)', nx(['run', 'dashboard:test-browser'])],
];

let failedStep = null;
for (const [title, args] of steps) {
  console.log(`\n▶ ${title}`);
  const code = await run('npx', args, { env });
  if (code !== 0) {
    failedStep = title;
    break;
  }
}

// One closing line over every jest run (each writes its JSON summary into tmp/test-results).
let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(results)) {
  for (const f of readdirSync(results).filter((f) => f.endsWith('.json'))) {
    const r = JSON.parse(readFileSync(join(results, f), 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
    skipped += r.numPendingTests;
  }
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failedStep) fail(`${failedStep} failed`);
if (passed === 0) fail('no test ran');
