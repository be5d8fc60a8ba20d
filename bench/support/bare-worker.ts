import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

/**
 * The bare engine's worker as a process of its own (bench:load's bare phase): the no-op workflow
 * of bench/workflows/noop.ts on BARE_TASK_QUEUE, with the SDK's default tuning, as a case's
 * worker has. Stops on SIGTERM.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    taskQueue: process.env.BARE_TASK_QUEUE ?? 'bare',
    workflowsPath: require.resolve('../workflows/noop'),
    activities: { noop: () => Promise.resolve() },
  });
  process.once('SIGTERM', () => worker.shutdown());
  const running = worker.run();
  process.stdout.write('bare worker polling\n');
  await running;
  await connection.close();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
