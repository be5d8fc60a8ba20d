import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import type { Config } from '../config/config';
import { maskLogLine } from './mask-id-numbers';

export type { Logger } from 'pino';

/** LOG_LEVEL if set; otherwise tests log warnings and errors only, everything else from info. */
export function logLevel(config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'>): LevelWithSilent {
  return config.LOG_LEVEL ?? (config.NODE_ENV === 'test' ? 'warn' : 'info');
}

/**
 * A process's JSON logger: one object per line on stdout. Every line passes the one masking step
 * (pino's streamWrite hook sees the finished line), so no message, binding, serializer or error
 * stack can carry an ID number past it. Writes are synchronous so that nothing logged just
 * before an exit is lost.
 */
export function createLogger(options: {
  readonly level: LevelWithSilent;
  readonly destination?: DestinationStream;
}): Logger {
  return pino(
    {
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      hooks: { streamWrite: maskLogLine },
    },
    options.destination ?? pino.destination({ fd: 1, sync: true }),
  );
}
