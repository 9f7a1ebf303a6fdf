import type { CommentStatus } from '@sift/shared';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where global setup writes the run's state (a JSON file in the run's own tmp directory). */
export const STATE_ENV = 'SIFT_BROWSER_STATE';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../../..');
/**
 * Where the specs save their screenshots: tmp/screenshots, so a test run leaves the tree clean;
 * `SCREENSHOT_DIR=docs/screenshots npm run test:browser` refreshes the ones the docs show.
 */
export const SCREENSHOT_DIR = resolve(WORKSPACE_ROOT, process.env.SCREENSHOT_DIR ?? 'tmp/screenshots');

export interface Credentials {
  email: string;
  password: string;
  name: string;
}

export interface SeededComment {
  id: string;
  authorName: string;
  body: string;
  articleTitle: string;
  status: CommentStatus;
}

/** What the specs need to know about the running stack. */
export interface RunState {
  runId: string;
  baseUrl: string;
  /** The API's Sift variables (database, Redis prefix, secrets), for a spec that starts another API on them. */
  apiEnv: Record<string, string>;
  /** The run's folder (logs, state). */
  runDir: string;
  users: { admin: Credentials; moderator: Credentials };
  comments: {
    /** Approved by the worker; the comment `linkSpam` answers. */
    welcome: SeededComment;
    /** Three links: flagged by the seeded "Too many links" rule. */
    linkSpam: SeededComment;
    /** One link: approved. */
    oneLink: SeededComment;
    /** Approved by the worker, then hidden by the admin. */
    hiddenByAdmin: SeededComment;
    /** On a pre-moderated article: triaged, still pending. */
    held: SeededComment;
  };
}

export function readRunState(): RunState {
  const file = process.env[STATE_ENV];
  if (!file) {
    throw new Error(
      `${STATE_ENV} is not set: run the browser specs with \`npx nx run dashboard:test-browser\` ` +
        '(or jest -c apps/dashboard/jest.browser.config.cjs), whose global setup starts the stack',
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as RunState;
}
