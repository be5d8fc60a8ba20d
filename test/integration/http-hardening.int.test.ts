import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { bundleWorkflows, startHarness, type Harness } from '../support/harness';

const METRICS_TOKEN = 'metrics-scrape-token-0123456789abcdef';

/** The API as `NODE_ENV=production` runs it, over real HTTP. */
describe('HTTP hardening in production', () => {
  let sut: Harness;

  beforeAll(async () => {
    sut = await startHarness({
      workflowBundle: await bundleWorkflows(),
      withoutWorker: true,
      env: {
        NODE_ENV: 'production',
        DATA_SHARING_APP_SECRET: 'exchange-secret-0123456789abcdefghij',
        AUTH_JWT_SECRET: 'access-token-secret-0123456789abcdefghij',
        PAGE_TOKEN_SECRET: 'page-token-secret-0123456789abcdefghij',
        PLATFORM_FAMILY_TOKEN_SECRET: 'family-token-secret-0123456789abcdefghij',
        PLATFORM_CALLBACK_SECRET: 'callback-secret-0123456789abcdefghij',
        PLATFORM_CALLBACK_URL: 'https://platform.example/callbacks',
        PAYLOAD_ENCRYPTION_KEYS: `prod1:${randomBytes(32).toString('base64')}`,
        COLUMN_ENCRYPTION_KEYS: `col1:${randomBytes(32).toString('base64')}`,
        AUTH_ISSUER: 'gx-enrolment',
        PLATFORM_ISSUER: 'guitongban',
        METRICS_TOKEN,
      },
    });
  });
  afterAll(() => sut?.close());

  it('sends helmet security headers and no X-Powered-By', async () => {
    const response = await request(sut.apiUrl).get('/health');
    expect(response.status).toBe(200);
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'referrer-policy': 'no-referrer',
    });
    const refused = await request(sut.apiUrl).get('/applications/GX0000000000');
    expect(refused.status).toBe(401);
    expect(refused.headers['x-powered-by']).toBeUndefined();
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets no browser or proxy keep an answer with personal data: no-store and no ETag', async () => {
    const reviewer = { Authorization: await sut.auth.reviewer(['450103']) };
    const parent = { Authorization: await sut.auth.parent('family-cache') };
    for (const [path, headers] of [
      ['/applications', parent],
      ['/review/queue?countyCode=450103', reviewer],
    ] as const) {
      const answer = await request(sut.apiUrl).get(path).set(headers);
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-store');
      expect(answer.headers.etag).toBeUndefined();
    }
    // Public information is still cacheable, with its own ETag.
    const counties = await request(sut.apiUrl).get('/public/counties');
    expect(counties.status).toBe(200);
    expect(counties.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    expect(counties.headers.etag).toMatch(/^"[\w-]+"$/);
  });

  it('has no development sign-in: the token endpoint is absent', async () => {
    const mint = await request(sut.apiUrl)
      .post('/auth/dev-token')
      .send({ role: 'REGION_ADMIN', sub: 'anyone' });
    expect(mint.status).toBe(404);
    const options = await request(sut.apiUrl).get('/auth/sign-in-options');
    expect(options.body).toEqual({ devSignIn: false, oidc: null });
  });

  it('serves no /docs', async () => {
    expect((await request(sut.apiUrl).get('/docs')).status).toBe(404);
    expect((await request(sut.apiUrl).get('/docs-json')).status).toBe(404);
  });

  it('serves /metrics only with the metrics token', async () => {
    expect((await request(sut.apiUrl).get('/metrics')).status).toBe(401);
    const wrong = await request(sut.apiUrl).get('/metrics').set('Authorization', 'Bearer nope');
    expect(wrong.status).toBe(401);
    const scrape = await request(sut.apiUrl)
      .get('/metrics')
      .set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(scrape.status).toBe(200);
    expect(scrape.text).toContain('# TYPE');
  });

  it('answers every failed sign-in with the same generic problem', async () => {
    const missing = await request(sut.apiUrl).get('/applications/GX0000000000');
    const forged = await request(sut.apiUrl)
      .get('/applications/GX0000000000')
      .set('Authorization', 'Bearer not.a.token');
    expect(missing.status).toBe(401);
    expect(forged.status).toBe(401);
    expect(forged.body.detail).toBe(missing.body.detail);
    expect(forged.body.detail_zh).toBe(missing.body.detail_zh);
  });
});
