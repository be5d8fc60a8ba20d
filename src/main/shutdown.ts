/**
 * Runs the given stops in order on SIGINT/SIGTERM, once; a second signal forces exit.
 */
export function onShutdown(
  stops: Array<() => Promise<unknown>>,
  log = (m: string) => process.stderr.write(`${m}\n`),
): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: shutting down...`);
    void (async () => {
      for (const stop of stops) {
        try {
          await stop();
        } catch (error) {
          log(`shutdown step failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      process.exit(0);
    })();
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
