import { ensureTemporalServer } from '../src/temporal/server-install';

/** `npm run temporal:server:install`: finds or builds Temporal server and its SQL tool. */
const started = Date.now();
ensureTemporalServer()
  .then((install) =>
    process.stdout.write(
      `Temporal server: ${install.server}\nSQL tool: ${install.sqlTool}\n` +
        `Schemas: ${install.schemaDir} (${Math.round((Date.now() - started) / 1000)} s)\n`,
    ),
  )
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
