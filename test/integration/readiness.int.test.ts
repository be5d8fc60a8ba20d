import request from 'supertest';
import { createApiApp } from '../../src/api/create-app';
import { createDb } from '../../src/db/prisma-client';
import { freePort } from '../support/free-port';
import { bundleWorkflows, startHarness, type Harness } from '../support/harness';

describe('liveness and readiness', () => {
  let sut: Harness;

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows(), withoutWorker: true });
  });
  afterAll(() => sut?.close());

  it('is ready when the database and Temporal answer, without a token', async () => {
    expect((await request(sut.apiUrl).get('/health')).body).toEqual({ status: 'ok' });
    const ready = await request(sut.apiUrl).get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: 'up', temporal: 'up' } });
  });

  it('says which dependency is down with a 503', async () => {
    const deadDb = createDb({
      url: `postgresql://postgres@127.0.0.1:${await freePort()}/nowhere`,
      poolMax: 1,
    });
    const app = await createApiApp({ config: sut.config, temporal: sut.temporal, db: deadDb });
    await app.init();
    try {
      const response = await request(app.getHttpServer()).get('/ready');
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        code: 'NOT_READY',
        checks: { database: 'down', temporal: 'up' },
      });
    } finally {
      await app.close();
      await deadDb.$disconnect();
    }
  });
});
