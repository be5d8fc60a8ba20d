import { launch } from './launch';
import { startConfiguredSimulator } from './start-simulator';
import { onShutdown } from './shutdown';

/** `npm run start:simulator`: the data-sharing exchange simulator on SIMULATOR_PORT. */
launch('simulator', async (config, logger) => {
  const simulator = await startConfiguredSimulator(config);
  onShutdown([() => simulator.close()], logger);
  logger.info(
    `data-sharing simulator on ${simulator.url} (faults: ${simulator.url}/__admin/faults)`,
  );
});
