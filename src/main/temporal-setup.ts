import { connectTemporalClient } from '../temporal/client';
import { ensureTemporalSetup } from '../temporal/setup';
import { launch } from './launch';

/**
 * `npm run temporal:setup` (and compose's temporal-setup job): registers TEMPORAL_NAMESPACE and
 * the search attributes of src/contract on a running Temporal, idempotently; any failure exits
 * non-zero so the deployment stops there rather than serving 500s.
 */
launch('temporal-setup', async (config, logger) => {
  const client = await connectTemporalClient(config);
  try {
    const { created } = await ensureTemporalSetup(client, config.TEMPORAL_NAMESPACE);
    logger.info(
      `Temporal namespace "${config.TEMPORAL_NAMESPACE}" set up` +
        (created.length ? `; registered ${created.join(', ')}` : '; nothing to register'),
    );
  } finally {
    await client.connection.close();
  }
});
