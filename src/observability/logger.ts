import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { Config } from '../config/config';
import { maskLogLine } from './mask-id-numbers';

export type { Logger } from 'pino';

/** LOG_LEVEL if set; otherwise tests log warnings and errors only, everything else from info. */
export function logLevel(config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'>): LevelWithSilent {
  return config.LOG_LEVEL ?? (config.NODE_ENV === 'test' ? 'warn' : 'info');
}

/**
 * Where a process's log lines go: readable lines when a person watches a terminal, the JSON lines
 * unchanged otherwise (pipes, files, containers, CI and tests), which is what log shippers read.
 * Prettifying happens in this process, synchronously, after masking.
 */
export function consoleDestination(
  isTTY = Boolean(process.stdout.isTTY),
  out: DestinationStream = pino.destination({ fd: 1, sync: true }),
): DestinationStream {
  if (!isTTY) return out;
  const prettify = prettyFactory({
    colorize: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
  });
  return { write: (line: string) => void out.write(prettify(line)) };
}

/**
 * A process's logger: one JSON object per line on stdout, or readable lines on a terminal. Every line passes the one masking step
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
    options.destination ?? consoleDestination(),
  );
}
