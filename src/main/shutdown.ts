import type { Logger } from '../observability/logger';

/**
 * Runs the given stops in order on SIGINT/SIGTERM, once; a second signal forces exit.
 */
export function onShutdown(
  stops: Array<() => Promise<unknown>>,
  logger: Pick<Logger, 'info' | 'warn' | 'error'>,
): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: shutting down...`);
    void (async () => {
      for (const stop of stops) {
        try {
          await stop();
        } catch (error) {
          logger.error({ err: error }, 'shutdown step failed');
        }
      }
      process.exit(0);
    })();
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
