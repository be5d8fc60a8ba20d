import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { Client } from 'pg';
import request from 'supertest';
import { postgresEndpoint } from '../../src/main/temporal-engine';
import { startTemporalServer, type RunningTemporalServer } from '../../src/temporal/server';
import type { ServerPorts } from '../../src/temporal/server-config';
import { EXPECTED_SCHEMA_VERSIONS, requireTemporalServer } from '../../src/temporal/server-install';
import { schemaVersion } from '../../src/temporal/server-schema';
import { initialSearchAttributes, ReviewOverdueKey } from '../../src/contract';
import { applicationFormSchema } from '../../src/domain/forms/application-form';
import { missingTemporalSetup } from '../../src/temporal/setup';
import { formFor } from '../../src/testing/forms';
import { ADMIN_DATABASE_URL } from '../support/database';
import { TEST_SERVER_POOLS } from '../support/disposable-temporal-server';
import { eventually } from '../support/eventually';
import { bundleWorkflows, registryPeople, startHarness, type Harness } from '../support/harness';
import { freeServerPorts } from '../support/server-ports';
import { scaled } from '../support/time-scale';

/** Before scaling: how long the server may take to serve, and the whole start-up around it. */
const SERVER_READY_MS = 40_000;
const START_CAP_MS = 100_000;

/**
 * TEMPORAL_MODE=server on a fresh PostgreSQL: the launcher creates Temporal's two databases and
 * schemas, starts the server, registers the namespace and search attributes, and the service
 * runs an application on it. Needs `npm run temporal:server:install` (part of `npm run setup`).
 */
describe('Temporal server on PostgreSQL', () => {
  const { endpoint, database: adminDatabase } = postgresEndpoint(ADMIN_DATABASE_URL);
  const name = `gx_temporal_${randomBytes(5).toString('hex')}`;
  const databases = { temporal: name, visibility: `${name}_visibility` };
  let root: string;
  let ports: ServerPorts;
  let server: RunningTemporalServer | undefined;
  let sut: Harness;

  async function start(): Promise<RunningTemporalServer> {
    return startTemporalServer({
      install: await requireTemporalServer(),
      root,
      postgres: endpoint,
      adminDatabase,
      databases,
      ports,
      namespace: 'default',
      pools: TEST_SERVER_POOLS,
      startupTimeoutMs: scaled(SERVER_READY_MS),
    });
  }

  /**
   * A workflow started with every search attribute the moment the server's start resolves (no
   * worker needed): the set-up waits until the frontend's cache has them, so it is not refused.
   */
  async function startWithEveryAttribute(address: string): Promise<string> {
    const connection = await Connection.connect({ address });
    try {
      const client = new TemporalClient({ connection, namespace: 'default' });
      const handle = await client.workflow.start('noSuchWorkflow', {
        taskQueue: `probe-${randomBytes(4).toString('hex')}`,
        workflowId: `probe-${randomBytes(4).toString('hex')}`,
        typedSearchAttributes: [
          ...initialSearchAttributes(applicationFormSchema.parse(formFor(registryPeople[0]!))),
          { key: ReviewOverdueKey, value: false },
        ],
      });
      await handle.terminate('probe');
      return 'started';
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      return [String(error), cause].filter(Boolean).join(': ');
    } finally {
      await connection.close();
    }
  }
  let firstStart: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'gx-temporal-server-'));
    ports = await freeServerPorts();
    server = await start();
    firstStart = await startWithEveryAttribute(server.address);
    sut = await startHarness({
      workflowBundle: await bundleWorkflows(),
      env: { TEMPORAL_ADDRESS: server.address },
    });
  }, scaled(START_CAP_MS));

  afterAll(async () => {
    await sut?.close();
    await server?.stop();
    const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
    await admin.connect();
    for (const db of Object.values(databases))
      await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
    await rm(root, { recursive: true, force: true });
  });

  it('creates both schemas at the expected versions, the namespace and its search attributes', async () => {
    expect(server!.schemasBefore).toEqual({ temporal: undefined, visibility: undefined });
    expect(await schemaVersion(endpoint, databases.temporal)).toBe(
      EXPECTED_SCHEMA_VERSIONS.temporal,
    );
    expect(await schemaVersion(endpoint, databases.visibility)).toBe(
      EXPECTED_SCHEMA_VERSIONS.visibility,
    );
    expect(server!.registered).toContain('namespace default');
    expect(server!.registered).toContain('search attribute EnrolmentStatus');
    expect(await missingTemporalSetup(sut.temporal, 'default')).toEqual([]);
    expect(firstStart).toBe('started');
  });

  it('runs an application to AWAITING_REVIEW, findable by search attribute in SQL visibility', async () => {
    const form = formFor(registryPeople[0]!);
    const family = { Authorization: await sut.auth.parent('family-server-mode', form) };
    const submitted = await request(sut.apiUrl).post('/applications').set(family).send(form);
    expect(submitted.status).toBe(201);
    const { applicationNo, workflowId } = submitted.body as {
      applicationNo: string;
      workflowId: string;
    };
    await eventually(async () => {
      const view = await request(sut.apiUrl).get(`/applications/${applicationNo}`).set(family);
      return view.body.status === 'AWAITING_REVIEW' ? view.body : undefined;
    }, `${applicationNo} to reach AWAITING_REVIEW`);
    await eventually(async () => {
      for await (const execution of sut.temporal.workflow.list({
        query: `EnrolmentStatus = 'AWAITING_REVIEW' AND WorkflowId = '${workflowId}'`,
      }))
        return execution.workflowId;
      return undefined;
    }, 'the case in visibility');
  });

  it('starts again on the same databases without changing a schema or registering anything', async () => {
    await sut.stopWorker();
    await server!.stop();
    server = await start();
    expect(server.schemasBefore).toEqual(EXPECTED_SCHEMA_VERSIONS);
    expect(server.registered).toEqual([]);
  });
});
