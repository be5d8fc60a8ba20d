import { loadConfig } from '../config/config';
import { startConfiguredSimulator } from './start-simulator';
import { onShutdown } from './shutdown';

/** `npm run start:simulator`: the data-sharing exchange simulator on SIMULATOR_PORT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const simulator = await startConfiguredSimulator(config);
  onShutdown([() => simulator.close()]);
  process.stdout.write(
    `data-sharing simulator on ${simulator.url} (faults: ${simulator.url}/__admin/faults)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
