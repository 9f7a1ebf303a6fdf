import { ConfigError } from './config.js';

/** Start-up failure handler: a config error prints its list of bad variables; anything else its stack. */
export function exitOnConfigError(err: unknown): never {
  // eslint-disable-next-line no-console -- the logger may not exist yet
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
