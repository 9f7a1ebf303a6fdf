import type { LogLevel } from '@nestjs/common';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const UPTO: Record<string, LogLevel | null> = { fatal: 'fatal', error: 'error', warn: 'warn', info: 'log', debug: 'debug', trace: 'verbose', silent: null };

/** LOG_LEVEL (fatal … trace, silent) as Nest's list of enabled levels. */
export function nestLogLevels(level: string): LogLevel[] | false {
  const upto = UPTO[level];
  return upto === null || upto === undefined ? false : ORDER.slice(0, ORDER.indexOf(upto) + 1);
}
