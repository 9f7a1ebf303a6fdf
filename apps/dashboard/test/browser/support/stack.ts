import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { WORKSPACE_ROOT } from './run-state';

/**
 * The real stack for browser specs: the built API and worker as child processes of jest, on their own database
 * and Redis key prefix. Everything here is plain Node (global setup/teardown run outside jest's module sandbox).
 */
export const PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_BASE_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

export const API_DIST = resolve(WORKSPACE_ROOT, 'dist/apps/api');
/** React's development build (target build-dev), so that the console guard sees React's warnings. */
export const DASHBOARD_DIST = resolve(WORKSPACE_ROOT, 'dist/apps/dashboard-dev');

const execFileAsync = promisify(execFile);

/** Fail early, and say what to run, when the builds the specs drive are missing. */
export function assertBuilt(): void {
  const missing = [
    ...['main.js', 'worker.js', 'migrate.js', 'cli.js'].map((f) => join(API_DIST, f)),
    join(DASHBOARD_DIST, 'index.html'),
  ].filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new Error(
      `The browser specs drive the built API and dashboard, but these are missing:\n  ${missing.join('\n  ')}\n` +
        'Build them first: `npx nx run api:build && npx nx run dashboard:build-dev`, or run `npx nx run dashboard:test-browser`, which builds both.',
    );
  }
}

export function databaseUrl(name: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Run a one-shot script of the built API (migrate, cli) to completion. */
export async function runApiScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await execFileAsync(process.execPath, [join(API_DIST, script), ...args], {
      cwd: WORKSPACE_ROOT,
      env,
      timeout: 60_000,
    });
    return stdout;
  } catch (err) {
    const e = err as { message: string; stdout?: string; stderr?: string };
    throw new Error(`node ${script} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

export interface Service {
  name: string;
  child: ChildProcess;
  logFile: string;
}

/** Start a long-running script of the built API, its output going to a log file. */
export function startApiProcess(name: string, script: string, env: NodeJS.ProcessEnv, logDir: string): Service {
  const logFile = join(logDir, `${name}.log`);
  const out = openSync(logFile, 'a');
  try {
    const child = spawn(process.execPath, [join(API_DIST, script)], { cwd: WORKSPACE_ROOT, env, stdio: ['ignore', out, out] });
    child.unref();
    return { name, child, logFile };
  } finally {
    closeSync(out);
  }
}

export const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

export function logTail(service: Service, lines = 40): string {
  try {
    const text = readFileSync(service.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    return `--- last lines of ${service.logFile} ---\n${text}`;
  } catch {
    return `(no log at ${service.logFile})`;
  }
}

/** SIGTERM (the API and worker shut down gracefully), then SIGKILL after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((done) => {
    timer = setTimeout(() => done(true), graceMs);
  });
  const forced = await Promise.race([exited.then(() => false), timedOut]);
  clearTimeout(timer);
  if (forced && isRunning(child)) {
    child.kill('SIGKILL');
    await exited;
  }
}

export async function dropDatabase(name: string): Promise<void> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function deleteRedisKeys(prefix: string): Promise<number> {
  const redis = new Redis(REDIS_BASE_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

export interface Stack {
  services: Service[];
  dbName: string;
  redisPrefix: string;
  runDir: string;
}

/**
 * Stop everything a run started and remove what it created. Each step runs even when an earlier one fails;
 * the first error is rethrown at the end. The run directory (logs, state) is kept when `keepRunDir`.
 */
export async function tearDownStack(stack: Stack, opts: { keepRunDir: boolean }): Promise<void> {
  const errors: unknown[] = [];
  const attempt = async (step: () => Promise<unknown>) => {
    try {
      await step();
    } catch (err) {
      errors.push(err);
    }
  };
  await Promise.all(stack.services.map((s) => attempt(() => stopProcess(s.child))));
  await attempt(() => dropDatabase(stack.dbName));
  await attempt(() => deleteRedisKeys(stack.redisPrefix));
  if (!opts.keepRunDir) await attempt(async () => rmSync(stack.runDir, { recursive: true, force: true }));
  if (errors.length > 0) throw errors[0];
}

/** The running stack, handed from global setup to global teardown (both run in jest's parent process). */
const STACK_KEY = Symbol.for('sift.dashboard.browser.stack');
type GlobalWithStack = typeof globalThis & { [STACK_KEY]?: Stack };

export function rememberStack(stack: Stack): void {
  (globalThis as GlobalWithStack)[STACK_KEY] = stack;
}

export function takeStack(): Stack | undefined {
  const stack = (globalThis as GlobalWithStack)[STACK_KEY];
  delete (globalThis as GlobalWithStack)[STACK_KEY];
  return stack;
}
