import fc from 'fast-check';
import request from 'supertest';
import { signAccessToken } from '../../src/auth/jwt';
import { accessTokenSettings } from '../../src/config/config';
import { applicationFormSchema } from '../../src/domain/forms/application-form';
import { FIXTURES } from '../../src/simulator/fixtures';
import { formFor } from '../../src/testing/forms';
import { bundleWorkflows, startHarness, type Harness } from '../support/harness';
import { INVALID_CASES } from '../../src/testing/invalid-bodies';

describe('what a client can send to POST /applications', () => {
  let sut: Harness;
  let parent: string;

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows(), withoutWorker: true });
    parent = await sut.auth.parent('family-validation');
  });
  afterAll(() => sut?.close());

  const post = () => request(sut.apiUrl).post('/applications').set('Authorization', parent);

  it(`names the field and the rule for each of ${INVALID_CASES.length} invalid bodies, and stores nothing`, async () => {
    expect(INVALID_CASES.length).toBeGreaterThanOrEqual(60);
    for (const c of INVALID_CASES) {
      const response = await post().send(c.body as object);
      expect({
        name: c.name,
        status: response.status,
        type: response.headers['content-type'],
      }).toEqual({
        name: c.name,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
      const found = (
        response.body.violations as {
          path: string;
          code: string;
          message_zh: string;
          message_en: string;
        }[]
      ).map((v) => `${v.path}:${v.code}`);
      expect({ name: c.name, violations: found.sort() }).toEqual({
        name: c.name,
        violations: [...c.expected].sort(),
      });
      for (const v of response.body.violations) {
        expect(v.message_zh).toMatch(/[\u4e00-\u9fff]/);
        expect(v.message_en).toMatch(/[A-Za-z]/);
      }
    }
    expect(await sut.database.db.application.count()).toBe(0);
  });

  it.each([
    [
      'malformed JSON',
      (r: request.Test) => r.set('content-type', 'application/json').send('{"seasonYear": 2026,'),
      400,
      'MALFORMED_JSON',
    ],
    [
      'a form-encoded body',
      (r: request.Test) => r.type('form').send('seasonYear=2026'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'plain text',
      (r: request.Test) => r.set('content-type', 'text/plain').send('hello'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a 2 MB body',
      (r: request.Test) =>
        r.send({ ...formFor(FIXTURES.liXiaoming), padding: 'x'.repeat(2 * 1024 * 1024) }),
      413,
      'BODY_TOO_LARGE',
    ],
    [
      'JSON null',
      (r: request.Test) => r.set('content-type', 'application/json').send('null'),
      400,
      'MALFORMED_JSON',
    ],
    [
      'a JSON string',
      (r: request.Test) => r.set('content-type', 'application/json').send('"form"'),
      400,
      'MALFORMED_JSON',
    ],
    [
      'an empty body',
      (r: request.Test) => r.set('content-type', 'application/json').send(''),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'deeply nested JSON',
      (r: request.Test) =>
        r
          .set('content-type', 'application/json')
          .send(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a body with a __proto__ key',
      (r: request.Test) =>
        r.set('content-type', 'application/json').send('{"__proto__": {"admin": true}}'),
      400,
      'VALIDATION_FAILED',
    ],
  ])('answers %s with a clear 4xx, never a 500', async (_what, send, status, code) => {
    const response = await send(post());
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe(code);
  });

  it('requires a valid, unexpired bearer token from an allowed role', async () => {
    const body = formFor(FIXTURES.liXiaoming);
    expect((await request(sut.apiUrl).post('/applications').send(body)).status).toBe(401);
    expect(
      (
        await request(sut.apiUrl)
          .post('/applications')
          .set('Authorization', 'Bearer nonsense')
          .send(body)
      ).status,
    ).toBe(401);
    const expired = await signAccessToken(
      { role: 'PARENT', sub: 'x', ttlSeconds: -10 },
      accessTokenSettings(sut.config),
    );
    expect(
      (
        await request(sut.apiUrl)
          .post('/applications')
          .set('Authorization', `Bearer ${expired}`)
          .send(body)
      ).status,
    ).toBe(401);
    const foreign = await signAccessToken(
      { role: 'PARENT', sub: 'x' },
      { ...accessTokenSettings(sut.config), issuer: 'someone-else' },
    );
    expect(
      (
        await request(sut.apiUrl)
          .post('/applications')
          .set('Authorization', `Bearer ${foreign}`)
          .send(body)
      ).status,
    ).toBe(401);
    const reviewer = await sut.auth.reviewer(['450103']);
    const forbidden = await request(sut.apiUrl)
      .post('/applications')
      .set('Authorization', reviewer)
      .send(body);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    expect((await request(sut.apiUrl).get('/health')).status).toBe(200);
    expect((await request(sut.apiUrl).get('/docs')).status).toBe(200);
  });

  it('rejects a malformed Idempotency-Key', async () => {
    const response = await post()
      .set('Idempotency-Key', 'x'.repeat(200))
      .send(formFor(FIXTURES.liXiaoming));
    expect(response.status).toBe(400);
    expect(response.body.violations[0]).toMatchObject({
      path: 'Idempotency-Key',
      code: 'BAD_FORMAT',
    });
  });
});

describe('robustness and the published contract', () => {
  let sut: Harness;
  let parent: string;

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows(), withoutWorker: true });
    parent = await sut.auth.parent('family-fuzz');
  });
  afterAll(() => sut?.close());

  it('answers arbitrary JSON bodies with a 4xx problem, never a 500, and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const response = await request(sut.apiUrl)
          .post('/applications')
          .set('Authorization', parent)
          .set('content-type', 'application/json')
          .send(JSON.stringify(value));
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }),
      { numRuns: 150 },
    );
    expect(await sut.database.db.application.count()).toBe(0);
  });

  it('publishes the form in OpenAPI with a valid Form A and Form B example', async () => {
    const doc = await request(sut.apiUrl).get('/docs-json');
    expect(doc.status).toBe(200);
    const post = doc.body.paths['/applications'].post;
    expect(Object.keys(post.requestBody.content['application/json'].examples)).toEqual([
      'formA',
      'formB',
    ]);
    const ref: string = post.requestBody.content['application/json'].schema.$ref;
    const schema = doc.body.components.schemas[ref.split('/').pop()!];
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'seasonYear',
        'stage',
        'countyCode',
        'formType',
        'channel',
        'child',
        'guardians',
        'schoolChoices',
        'consent',
      ]),
    );
    const examples = post.requestBody.content['application/json'].examples;
    for (const name of ['formA', 'formB']) {
      expect(applicationFormSchema.safeParse(examples[name].value).success).toBe(true);
    }
  });
});
