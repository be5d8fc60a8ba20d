import { ensureTemporalCli } from '../../src/temporal/cli';
import { startDevServer } from '../../src/temporal/dev-server';
import { TEMPORAL_SERVER_VERSION } from '../../src/temporal/server-install';
import { startDisposableTemporalServer } from '../../test/support/disposable-temporal-server';

export type BenchEngineKind = 'dev' | 'server';

export interface BenchEngine {
  readonly address: string;
  /** What the report says the run was on. */
  readonly label: string;
  /** The server restarted on its own databases (a fault of bench:load); the dev server has none. */
  readonly restart?: () => Promise<void>;
  stop(): Promise<void>;
}

/** BENCH_ENGINE: `dev` (the CLI's dev server, SQLite) or `server` (Temporal server on PostgreSQL). */
export function benchEngineKind(value = process.env.BENCH_ENGINE ?? 'dev'): BenchEngineKind {
  if (value === 'dev' || value === 'server') return value;
  throw new Error(`BENCH_ENGINE must be dev or server, not ${value}`);
}

/** The Temporal a benchmark runs on, fresh, in the default namespace with the search attributes. */
export async function startBenchEngine(
  kind: BenchEngineKind,
  devPort: number,
): Promise<BenchEngine> {
  if (kind === 'server') {
    const server = await startDisposableTemporalServer(120_000);
    return {
      address: server.address,
      label: `Temporal server v${TEMPORAL_SERVER_VERSION} on PostgreSQL`,
      restart: () => server.restart(),
      stop: () => server.stop(),
    };
  }
  const dev = await startDevServer({
    cliPath: await ensureTemporalCli(),
    port: devPort,
    namespace: 'default',
  });
  return { address: dev.address, label: 'Temporal dev server', stop: () => dev.stop() };
}
