#!/usr/bin/env node
// `npm start`: build, migrate, create the demo users, start the API (which serves the dashboard) and the worker,
// load the demo thread through the real intake API, print where to log in. Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { checkNode, checkServices, fail, ROOT, runOrFail } from './lib.mjs';
import { describeDemo, seedDemo } from './demo/seed.mjs';

checkNode();

const PORT = process.env.PORT ?? '3000';
const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  HOST: process.env.HOST ?? '127.0.0.1',
  PORT,
  DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sift',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
  // Demo-only publisher key; production refuses to start without PUBLISHER_API_KEYS of its own.
  PUBLISHER_API_KEYS: process.env.PUBLISHER_API_KEYS ?? 'demo-publisher-key',
  DASHBOARD_DIR: process.env.DASHBOARD_DIR ?? join(ROOT, 'dist/apps/dashboard'),
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
};
if (env.NODE_ENV === 'production') fail('npm start runs the demo; in production run migrate.js, main.js and worker.js (see README).');

await checkServices(env);
// A production build of the dashboard and reader page whatever NODE_ENV the demo runs with: Vite takes NODE_ENV
// from the environment, and a development build of React runs every effect twice (double requests, issue 17 item 21).
await runOrFail('build', 'npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], { env: { ...env, NODE_ENV: 'production' } });
await runOrFail('migrate', 'node', ['dist/apps/api/migrate.js'], { env });

const DEMO_PASSWORD = 'sift-demo-password';
const users = [
  { email: 'admin@sift.local', name: 'Ada Admin', role: 'admin' },
  { email: 'moderator@sift.local', name: 'Mo Moderator', role: 'moderator' },
];
for (const u of users) {
  await runOrFail(`demo user ${u.email}`, 'node', ['dist/apps/api/cli.js', 'create-user', '--email', u.email, '--name', u.name, '--role', u.role, '--force'], {
    env: { ...env, SIFT_PASSWORD: DEMO_PASSWORD },
  });
}

const children = [];
const start = (name, file) => {
  const child = spawn('node', [file], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tag = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (buf) => process.stdout.write(buf.toString().replace(/^(?=.)/gm, tag)));
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${tag}exited (${signal ?? code}); stopping`);
      stop(1);
    }
  });
  children.push(child);
};
let stopping = false;
const stop = (code = 0) => {
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start('api', 'dist/apps/api/main.js');
start('worker', 'dist/apps/api/worker.js');

const base = `http://127.0.0.1:${PORT}`;
const deadline = Date.now() + 60_000;
while (!(await fetch(`${base}/health`).then((r) => r.ok, () => false))) {
  if (Date.now() > deadline) {
    console.error('the API did not become healthy within 60 s');
    stop(1);
    await new Promise(() => {});
  }
  await new Promise((r) => setTimeout(r, 300));
}

const articles = await seedDemo({ base, publisherKey: env.PUBLISHER_API_KEYS.split(',')[0].trim(), root: ROOT });
console.log(`
──────────────────────────────────────────────────────────────
 Sift is running.

 Dashboard   ${base}/
 API docs    ${base}/api/docs
 Health      ${base}/health

 Log in as   moderator@sift.local   /  ${DEMO_PASSWORD}
        or   admin@sift.local       /  ${DEMO_PASSWORD}

 ${describeDemo(base, articles).replace(/\n/g, '\n ')}

 (demo accounts; Ctrl-C stops the API and the worker)
──────────────────────────────────────────────────────────────
`);
