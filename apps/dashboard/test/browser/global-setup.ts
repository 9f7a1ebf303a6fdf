import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTHOR_PUBLISHER, AUTHOR_SECRET } from './support/author-token';
import { GiveUp, waitFor } from './support/http';
import { type Credentials, type RunState, STATE_ENV } from './support/run-state';
import { seedQueue } from './support/seed';
import {
  assertBuilt,
  DASHBOARD_DIST,
  databaseUrl,
  freePort,
  isRunning,
  logTail,
  REDIS_BASE_URL,
  rememberStack,
  runApiScript,
  type Stack,
  startApiProcess,
  tearDownStack,
} from './support/stack';

export const PUBLISHER_KEY = 'browser-spec-publisher-key';
/** The publisher "browser"'s secret for signed author tokens (reader-embed signs a reader with it). */

const password = () => `${randomBytes(12).toString('base64url')}-Aa1`;

/**
 * Real: the built API (main.js) serving the built dashboard, the triage worker (worker.js), the machine's Postgres
 * and Redis. This run gets its own database `sift_browser_<run>` (created and migrated by migrate.js), its own
 * Redis key prefix, its own users (cli.js) and port. If anything here fails, what was started is torn down
 * before the error is rethrown (jest skips global teardown when global setup throws).
 */
export default async function globalSetup(): Promise<void> {
  assertBuilt();
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const runDir = mkdtempSync(join(tmpdir(), `sift-browser-${runId}-`));
  const stack: Stack = { services: [], dbName: `sift_browser_${runId}`, redisPrefix: `sift-browser-${runId}`, runDir };
  rememberStack(stack);
  // Last resort if jest exits without running teardown: never leave the API or worker behind.
  process.once('exit', () => stack.services.forEach((s) => isRunning(s.child) && s.child.kill('SIGKILL')));

  try {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl(stack.dbName),
      REDIS_URL: REDIS_BASE_URL,
      REDIS_PREFIX: stack.redisPrefix,
      PUBLISHER_API_KEYS: PUBLISHER_KEY,
      AUTHOR_TOKEN_SECRETS: `${AUTHOR_PUBLISHER}:${AUTHOR_SECRET}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      DASHBOARD_DIR: DASHBOARD_DIST,
      RECONCILE_GRACE_SECONDS: '2',
      RECONCILE_EVERY_SECONDS: '2',
      LOG_LEVEL: 'warn',
      // Every spec posts from 127.0.0.1; the limit itself is proven by apps/api reader-rate-limit.integration-spec.
      RATE_LIMIT_PER_IP: '100000',
      RATE_LIMIT_PER_AUTHOR: '100000',
      // Specs sign in many times from 127.0.0.1; the limits are proven by apps/api login-throttle.integration-spec.
      LOGIN_FREE_FAILURES_PER_NETWORK: '1000000',
      REPORT_LIMIT_PER_READER: '100000',
      NO_COLOR: '1',
    };

    await runApiScript('migrate.js', [], env);
    const users = {
      admin: { email: 'admin@example.com', name: 'Ada Admin', password: password() },
      moderator: { email: 'moderator@example.com', name: 'Mo Moderator', password: password() },
    } satisfies RunState['users'];
    const createUser = (user: Credentials, role: 'admin' | 'moderator') =>
      runApiScript('cli.js', ['create-user', '--email', user.email, '--name', user.name, '--role', role], {
        ...env,
        SIFT_PASSWORD: user.password,
      });
    await createUser(users.admin, 'admin');
    await createUser(users.moderator, 'moderator');

    const api = startApiProcess('api', 'main.js', env, runDir);
    const worker = startApiProcess('worker', 'worker.js', env, runDir);
    stack.services.push(api, worker);

    let health = 'no answer';
    await waitFor(
      async () => {
        const dead = stack.services.find((s) => !isRunning(s.child));
        if (dead) throw new GiveUp(`the ${dead.name} process exited (code ${dead.child.exitCode})\n${logTail(dead)}`);
        const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
        health = `${res.status} ${await res.text()}`;
        return res.status === 200 ? true : undefined;
      },
      { timeoutMs: 60_000, describe: () => `${baseUrl}/health to answer 200 (last: ${health})\n${logTail(api)}` },
    );
    const index = await fetch(baseUrl);
    if (!index.ok || !(await index.text()).includes('id="root"')) {
      throw new Error(`the API does not serve the dashboard at / (HTTP ${index.status}); DASHBOARD_DIR=${DASHBOARD_DIST}`);
    }

    const comments = await seedQueue(baseUrl, PUBLISHER_KEY, users.admin).catch((err: Error) => {
      throw new Error(`${err.message}\n${logTail(worker)}`);
    });
    // Sift's own variables (not the machine's environment), for a spec that starts an API of its own.
    const apiEnv = Object.fromEntries(Object.entries(env).filter(([k, v]) => v !== undefined && /^(NODE_ENV|HOST|DATABASE_URL|REDIS_URL|REDIS_PREFIX|PUBLISHER_API_KEYS|AUTHOR_TOKEN_SECRETS|JWT_SECRET|DASHBOARD_DIR|RECONCILE_\w+|LOG_LEVEL|RATE_LIMIT_\w+|LOGIN_\w+)$/.test(k))) as Record<string, string>;
    const state: RunState = { runId, baseUrl, users, comments, apiEnv, runDir };
    const stateFile = join(runDir, 'state.json');
    writeFileSync(stateFile, JSON.stringify(state, null, 2));
    process.env[STATE_ENV] = stateFile;
  } catch (err) {
    await tearDownStack(stack, { keepRunDir: true }).catch(() => undefined);
    throw new Error(`browser spec setup failed (logs kept in ${runDir}): ${(err as Error).message}`);
  }
}
