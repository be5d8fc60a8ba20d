import { ensureTemporalCli } from '../src/temporal/cli';

/** `npm run temporal:install`: finds or builds the Temporal CLI and prints its path. */
ensureTemporalCli()
  .then((path) => process.stdout.write(`Temporal CLI: ${path}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
