import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import Long from 'long';
import request from 'supertest';
import { createApiApp } from '../../src/api/create-app';
import { ENROLMENT_SEARCH_ATTRIBUTES, ReviewOverdueKey } from '../../src/contract';
import { loadConfig } from '../../src/config/config';
import { startApi } from '../../src/main/start-api';
import { startWorker } from '../../src/main/start-worker';
import { createLogger } from '../../src/observability/logger';
import {
  assertTemporalSetup,
  ensureTemporalSetup,
  missingTemporalSetup,
  TemporalSetupError,
} from '../../src/temporal/setup';
import { eventually } from '../support/eventually';
import { bundleWorkflows, startHarness, type Harness } from '../support/harness';

/**
 * A namespace without one of the search attributes: the API and the worker refuse to start
 * naming it, /ready answers 503 naming it, and the set-up registers it (idempotently).
 */
describe('start-up check of the Temporal namespace', () => {
  const namespace = `setup-check-${randomUUID()}`;
  const MISSING = 'search attribute ReviewOverdue (BOOL) is not registered';
  let sut: Harness;
  let client: Client;

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows(), withoutWorker: true });
    client = new Client({
      connection: await Connection.connect({ address: sut.config.TEMPORAL_ADDRESS }),
      namespace,
    });
    await client.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: { seconds: Long.fromNumber(86_400) },
    });
    const allButOne = ENROLMENT_SEARCH_ATTRIBUTES.filter((k) => k.name !== ReviewOverdueKey.name);
    const searchAttributes = Object.fromEntries(
      allButOne.map((k) => [
        k.name,
        temporal.api.enums.v1.IndexedValueType[`INDEXED_VALUE_TYPE_${k.type}`],
      ]),
    );
    // A new namespace reaches the frontend's cache within seconds.
    await eventually(
      () =>
        client.connection.operatorService
          .addSearchAttributes({ namespace, searchAttributes })
          .then(() => true),
      'the new namespace to take search attributes',
    );
  });
  afterAll(async () => {
    await client?.connection.close();
    await sut?.close();
  });

  const config = () => loadConfig({ ...process.env, ...sutEnv(), TEMPORAL_NAMESPACE: namespace });
  const sutEnv = () => ({
    NODE_ENV: 'test',
    DATA_DIR: sut.config.DATA_DIR,
    DATABASE_URL: sut.database.url,
    TEMPORAL_ADDRESS: sut.config.TEMPORAL_ADDRESS,
    TEMPORAL_TASK_QUEUE: sut.taskQueue,
  });

  it('names the missing attribute, and a namespace that does not exist', async () => {
    expect(await missingTemporalSetup(client, namespace)).toEqual([MISSING]);
    await expect(assertTemporalSetup(client, namespace)).rejects.toThrow(TemporalSetupError);
    expect(await missingTemporalSetup(client, `nowhere-${randomUUID()}`)).toEqual([
      expect.stringMatching(/^namespace "nowhere-.*" does not exist$/),
    ]);
    expect(await missingTemporalSetup(sut.temporal, 'default')).toEqual([]);
  });

  it('refuses to start the worker and the API', async () => {
    await expect(startWorker(config(), sut.database.db)).rejects.toThrow(MISSING);
    const logger = createLogger({ level: 'silent' });
    await expect(startApi(config(), sut.database.db, logger)).rejects.toThrow(MISSING);
  });

  it('answers /ready with a 503 naming what is missing', async () => {
    const app = await createApiApp({ config: config(), temporal: client, db: sut.database.db });
    await app.init();
    try {
      const response = await request(app.getHttpServer()).get('/ready');
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        code: 'NOT_READY',
        checks: { database: 'up', temporal: 'not set up' },
        missing: [MISSING],
      });
      expect(response.body.detail).toContain('ReviewOverdue');
    } finally {
      await app.close();
    }
  });

  it('registers what is missing, once', async () => {
    expect(await ensureTemporalSetup(client, namespace)).toEqual({
      created: ['search attribute ReviewOverdue'],
    });
    expect(await ensureTemporalSetup(client, namespace)).toEqual({ created: [] });
    await expect(assertTemporalSetup(client, namespace)).resolves.toBeUndefined();
  });
});
