import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const API_ROOT = join(__dirname, '../..');
const REPO_ROOT = join(API_ROOT, '../..');

/**
 * An entrypoint as its own OS process, exactly `src/worker.ts` or `src/main.ts` (run from the TypeScript sources with
 * @swc-node/register, so no build is needed), with this test run's environment. Lets a spec SIGKILL or SIGTERM it.
 */
export function spawnEntry(entry: 'worker' | 'main' | 'cli', env: Record<string, string> = {}, args: string[] = []): ChildProcess & { output: () => string } {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', './scripts/resolve-ts.cjs', `apps/api/src/${entry}.ts`, ...args],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: 'apps/api/tsconfig.app.json', LOG_LEVEL: 'warn', WORKER_METRICS_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (b) => (out += b));
  child.stderr?.on('data', (b) => (out += b));
  return Object.assign(child, { output: () => out });
}

export const spawnWorker = (env: Record<string, string> = {}) => spawnEntry('worker', env);

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}
