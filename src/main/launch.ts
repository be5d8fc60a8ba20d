import { loadConfig, type Config } from '../config/config';
import { createLogger, logLevel, type Logger } from '../observability/logger';

/**
 * Runs a launcher with the configuration and the process's one JSON logger, so that everything a
 * process writes, its start-up lines and a failure to start included, is a masked JSON line.
 * The logger exists before the configuration is read (at info) so a configuration error is
 * logged like any other; then it takes the configured level.
 */
export function launch(
  name: string,
  main: (config: Config, logger: Logger) => Promise<void>,
): void {
  const logger = createLogger({ level: 'info' });
  const run = async () => {
    const config = loadConfig();
    logger.level = logLevel(config);
    await main(config, logger);
  };
  run().catch((error: unknown) => {
    logger.fatal({ err: error }, `${name} stopped on an error`);
    process.exit(1);
  });
}
