import request from 'supertest';
import { childKey, enrolmentWorkflowId } from '../../src/domain/application-identity';
import { formForFamily } from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import { parseScrape, sampleValue } from '../support/prometheus';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

/**
 * Admission control (issue 18): while more cases wait for verification than the bound, a
 * submission is answered 429 with Retry-After and a bilingual problem document, and nothing of it
 * is written; once the backlog drains, the same request is accepted.
 */
describe('admission control on the verification backlog', () => {
  let sut: Harness;
  const api = () => request(sut.apiUrl);

  beforeAll(async () => {
    // No worker at first: submitted cases stay SUBMITTED, so the backlog holds still.
    sut = await startHarness({
      workflowBundle: await bundleWorkflows(),
      withoutWorker: true,
      env: { ADMISSION_MAX_BACKLOG: '2', ADMISSION_BACKLOG_REFRESH_MS: '0' },
    });
  });
  afterAll(() => sut?.close());

  const families = registryFamilies.filter((f) => f.countyCode === '450103').slice(1, 4);
  const submit = async (index: number, idempotencyKey: string) => {
    const form = formForFamily(families[index]!);
    return {
      form,
      response: await api()
        .post('/applications')
        .set({ Authorization: await sut.auth.parent(`family-admission-${index}`, form) })
        .set('Idempotency-Key', idempotencyKey)
        .send(form),
    };
  };

  it('refuses a submission beyond the bound with 429 and Retry-After, writes none of it, and accepts it once the backlog drains', async () => {
    expect((await submit(0, 'admission-0')).response.status).toBe(201);
    expect((await submit(1, 'admission-1')).response.status).toBe(201);

    const { form, response } = await submit(2, 'admission-2');
    expect(response.status).toBe(429);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['retry-after']).toBe('30');
    expect(response.body).toMatchObject({
      status: 429,
      code: 'AT_CAPACITY',
      rule: 'VERIFICATION_BACKLOG',
      retryAfterSeconds: 30,
      detail: expect.stringContaining('nothing was recorded'),
      detail_zh: expect.stringContaining('未被记录'),
    });

    // Not half-written: no number held, no row, no idempotent answer, no workflow.
    const workflowId = enrolmentWorkflowId(
      2026,
      'PRIMARY_1',
      childKey(sut.config.CHILD_KEY_SECRET, families[2]!.child.idNumber),
    );
    expect(form).toMatchObject({ seasonYear: 2026, stage: 'PRIMARY_1' });
    const db = sut.database.db;
    expect(await db.applicationNumberClaim.count({ where: { workflowId } })).toBe(0);
    expect(await db.application.count({ where: { workflowId } })).toBe(0);
    expect(await db.idempotencyRecord.count({ where: { key: 'admission-2' } })).toBe(0);
    expect(await db.application.count()).toBe(2);
    await expect(sut.temporal.workflow.getHandle(workflowId).describe()).rejects.toThrow();

    // A retried request the service accepted earlier still gets its answer at capacity.
    const replayed = await submit(0, 'admission-0');
    expect(replayed.response.status).toBe(201);

    await sut.startWorker();
    await eventually(
      async () =>
        (await db.application.count({ where: { status: 'AWAITING_REVIEW' } })) === 2
          ? true
          : undefined,
      'the backlog to drain',
      60_000,
    );
    const again = await submit(2, 'admission-2');
    expect(again.response.status).toBe(201);
    expect(again.response.body.workflowId).toBe(workflowId);
  });
});

/**
 * The other bound (issue 18): an API process works on at most ADMISSION_MAX_IN_FLIGHT submissions
 * at once, so a burst past what the engine takes is answered 429 at once instead of queueing into
 * client time-outs.
 */
describe('admission control on the submissions in flight', () => {
  let sut: Harness;

  beforeAll(async () => {
    sut = await startHarness({
      workflowBundle: await bundleWorkflows(),
      withoutWorker: true,
      env: { ADMISSION_MAX_IN_FLIGHT: '1' },
    });
  });
  afterAll(() => sut?.close());

  it('answers a burst beyond the bound 429 with Retry-After, never 5xx, and writes only what it accepted', async () => {
    const families = registryFamilies.filter((f) => f.countyCode === '450103').slice(10, 18);
    const requests = await Promise.all(
      families.map(async (family, index) => {
        const form = formForFamily(family);
        const auth = await sut.auth.parent(`family-burst-${index}`, form);
        return { form, auth };
      }),
    );
    // Every request is on its way before the first is answered: one is taken, the rest wait.
    const answers = await Promise.all(
      requests.map(({ form, auth }) =>
        request(sut.apiUrl).post('/applications').set({ Authorization: auth }).send(form),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 201 && s !== 429)).toEqual([]);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.headers['retry-after']).toBe('30');
      expect(answer.body).toMatchObject({ code: 'AT_CAPACITY', rule: 'SUBMISSIONS_IN_FLIGHT' });
    }
    expect(await sut.database.db.application.count()).toBe(
      statuses.filter((s) => s === 201).length,
    );
  });
});

/**
 * The bound steered by latency (ADMISSION_TARGET_LATENCY_MS): a process starts by taking one
 * submission at a time and takes more only while they finish within the target.
 */
describe('admission control steered by the submissions latency', () => {
  let sut: Harness;

  beforeAll(async () => {
    sut = await startHarness({
      workflowBundle: await bundleWorkflows(),
      withoutWorker: true,
      // Every real submission takes longer than 1 ms: none lets the bound grow.
      env: { ADMISSION_MAX_IN_FLIGHT: '3', ADMISSION_TARGET_LATENCY_MS: '1' },
    });
  });
  afterAll(() => sut?.close());

  const limitNow = async () => {
    const scrape = await request(sut.apiUrl).get('/metrics');
    return sampleValue(parseScrape(scrape.text), 'gx_enrolment_admission_limit', {});
  };

  it('takes one at a time while submissions run slower than the target, below ADMISSION_MAX_IN_FLIGHT', async () => {
    const families = registryFamilies.filter((f) => f.countyCode === '450103').slice(20, 25);
    const requests = await Promise.all(
      families.map(async (family, index) => {
        const form = formForFamily(family);
        return { form, auth: await sut.auth.parent(`family-steered-${index}`, form) };
      }),
    );
    const submit = ({ form, auth }: (typeof requests)[number]) =>
      request(sut.apiUrl).post('/applications').set({ Authorization: auth }).send(form);
    expect(await limitNow()).toBe(1);
    for (const r of requests.slice(0, 2)) expect((await submit(r)).status).toBe(201);
    expect(await limitNow()).toBe(1);

    // Three at once, which the ceiling of 3 would all take: the first is taken, the others are
    // on their way before it is answered and refused.
    const answers = await Promise.all(requests.slice(2).map(submit));
    const accepted = answers.filter((a) => a.status === 201).length;
    const refused = answers.filter((a) => a.status === 429);
    expect(accepted + refused.length).toBe(3);
    expect(accepted).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused)
      expect(answer.body).toMatchObject({ code: 'AT_CAPACITY', rule: 'SUBMISSIONS_IN_FLIGHT' });
    expect(await sut.database.db.application.count()).toBe(2 + accepted);
  });
});
