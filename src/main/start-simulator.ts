import type { Config } from '../config/config';
import { startSimulator, type RunningSimulator } from '../simulator/server';

/** The data-sharing simulator on SIMULATOR_PORT, signing keys shared with the client's config. */
export function startConfiguredSimulator(config: Config): Promise<RunningSimulator> {
  return startSimulator({
    port: config.SIMULATOR_PORT,
    appKey: config.DATA_SHARING_APP_KEY,
    appSecret: config.DATA_SHARING_APP_SECRET,
    seed: config.SIMULATOR_SEED,
    populationSize: config.SIMULATOR_POPULATION,
    callbackSecret: config.PLATFORM_CALLBACK_SECRET,
  });
}
