// Helpers shared by the start and test commands (plain Node, no dependencies).
import { spawn } from 'node:child_process';
import { Socket } from 'node:net';

export const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');

export function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) {
    fail(
      `Sift runs on Node 24 (the current LTS); this is Node ${process.versions.node}.\n` +
        '  Install it from the npm registry and put it first on PATH, then run the command again:\n' +
        '    npm install --prefix ~/.cache/sift-node24 node@24 && export PATH=~/.cache/sift-node24/node_modules/.bin:$PATH',
    );
  }
}

export function fail(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

export function canConnect(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const s = new Socket();
    const done = (ok) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
    s.connect(port, host);
  });
}

/** Postgres and Redis must answer before anything starts; say how to get them if not. */
export async function checkServices(env) {
  const pg = new URL(env.DATABASE_URL);
  const redis = new URL(env.REDIS_URL);
  const missing = [];
  if (!(await canConnect(pg.hostname, Number(pg.port || 5432)))) missing.push(`Postgres at ${pg.host}`);
  if (!(await canConnect(redis.hostname, Number(redis.port || 6379)))) missing.push(`Redis at ${redis.host}`);
  if (missing.length) {
    fail(
      `${missing.join(' and ')} did not answer.\n  Start them (e.g. \`docker compose up -d postgres redis\`, or your system's services),\n  or point DATABASE_URL / REDIS_URL at running ones.`,
    );
  }
}

/** Run a command, inheriting stdio; resolves with its exit code. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runOrFail(title, cmd, args, opts) {
  console.log(`\n▶ ${title}`);
  const code = await run(cmd, args, opts);
  if (code !== 0) fail(`${title} failed (exit ${code})`);
}
