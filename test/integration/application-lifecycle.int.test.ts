import request from 'supertest';
import { UNREGISTERED } from '../../src/simulator/fixtures';
import { EnrolmentStatusKey } from '../../src/contract';
import { eventually } from '../support/eventually';
import { scaled } from '../support/time-scale';
import { formFor } from '../../src/testing/forms';
import { bundleWorkflows, registryPeople, startHarness, type Harness } from '../support/harness';

const identityOf = (view: { verification: { check: string }[] }) =>
  view.verification.find((v) => v.check === 'IDENTITY');

describe('an application from submission to decision, over HTTP, Temporal and PostgreSQL', () => {
  let sut: Harness;
  let workflowBundle: Awaited<ReturnType<typeof bundleWorkflows>>;
  let nextPerson = 0;
  const person = () => registryPeople[nextPerson++]!;

  beforeAll(async () => {
    workflowBundle = await bundleWorkflows();
    sut = await startHarness({ workflowBundle });
  });
  afterAll(() => sut?.close());
  afterEach(() => sut.simulator.faults.clear());

  const FAMILY = 'family-lifecycle';
  /** The family's account; submitting, as the guardian the form names. */
  const asFamily = async (form?: Record<string, unknown>) => ({
    Authorization: await sut.auth.parent(FAMILY, form),
  });
  const asReviewer = async () => ({ Authorization: await sut.auth.reviewer(['450103']) });

  async function submit(body: Record<string, unknown>) {
    const response = await request(sut.apiUrl)
      .post('/applications')
      .set(await asFamily(body))
      .send(body);
    expect(response.status).toBe(201);
    return response.body as { applicationNo: string; status: string; workflowId: string };
  }

  async function statusOf(applicationNo: string, wanted: string) {
    return eventually(async () => {
      const response = await request(sut.apiUrl)
        .get(`/applications/${applicationNo}`)
        .set(await asFamily());
      return response.body.status === wanted ? response.body : undefined;
    }, `${applicationNo} to reach ${wanted}`);
  }

  it('moves SUBMITTED → VERIFYING → AWAITING_REVIEW → APPROVED and is findable by search attribute', async () => {
    const child = person();
    const submitted = await submit(formFor(child));
    expect(submitted.applicationNo).toMatch(/^2026-\d{6}-\d{6}-[\dX]$/);
    expect(submitted.status).toBe('SUBMITTED');

    const awaiting = await statusOf(submitted.applicationNo, 'AWAITING_REVIEW');
    expect(awaiting.timeline.map((e: { to: string }) => e.to)).toEqual([
      'SUBMITTED',
      'VERIFYING',
      'AWAITING_REVIEW',
    ]);
    expect(identityOf(awaiting)).toMatchObject({ check: 'IDENTITY', outcome: 'MATCH' });
    expect(awaiting.child.idNumber).not.toContain(child.idNumber.slice(6, 14));

    const decided = await request(sut.apiUrl)
      .post(`/applications/${submitted.applicationNo}/decision`)
      .set(await asReviewer())
      .send({ decision: 'APPROVE' });
    expect(decided.status).toBe(200);
    expect(decided.body).toEqual({ applicationNo: submitted.applicationNo, status: 'APPROVED' });

    const approved = await request(sut.apiUrl)
      .get(`/applications/${submitted.applicationNo}`)
      .set(await asFamily());
    expect(approved.body.status).toBe('APPROVED');
    expect(approved.body.timeline.at(-1)).toMatchObject({
      from: 'AWAITING_REVIEW',
      to: 'APPROVED',
      actor: 'reviewer:reviewer-1',
    });

    const row = await sut.database.db.application.findUniqueOrThrow({
      where: { applicationNo: submitted.applicationNo },
    });
    expect(row.status).toBe('APPROVED');
    expect(
      await sut.database.db.applicationEvent.count({
        where: { applicationNo: submitted.applicationNo },
      }),
    ).toBe(4);

    const found = await eventually(async () => {
      for await (const wf of sut.temporal.workflow.list({
        query: `EnrolmentStatus = "APPROVED" AND CountyCode = "450103" AND WorkflowId = "${submitted.workflowId}"`,
      })) {
        return wf;
      }
      return undefined;
    }, 'the approved case in Temporal visibility');
    expect(found.typedSearchAttributes.get(EnrolmentStatusKey)).toBe('APPROVED');
  });

  it('rejects a decision while the case is still verifying, and a second decision after the first, leaving state unchanged', async () => {
    // The case stays in VERIFYING while the decision is tried: half the HTTP time-out.
    sut.simulator.faults.set('identity', { latencyMs: sut.config.DATA_SHARING_TIMEOUT_MS / 2 });
    const { applicationNo } = await submit(formFor(person()));
    await statusOf(applicationNo, 'VERIFYING');

    const early = await request(sut.apiUrl)
      .post(`/applications/${applicationNo}/decision`)
      .set(await asReviewer())
      .send({ decision: 'APPROVE' });
    expect(early.status).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.body).toMatchObject({ code: 'INVALID_STATE', currentStatus: 'VERIFYING' });
    expect(early.body.detail_zh).toContain('VERIFYING');

    await statusOf(applicationNo, 'AWAITING_REVIEW');
    const first = await request(sut.apiUrl)
      .post(`/applications/${applicationNo}/decision`)
      .set(await asReviewer())
      .send({
        decision: 'REJECT',
        reasonCode: 'DOCUMENTS_NOT_PROVIDED',
        reason: '材料不全 / documents incomplete',
      });
    expect(first.body.status).toBe('REJECTED');
    const second = await request(sut.apiUrl)
      .post(`/applications/${applicationNo}/decision`)
      .set(await asReviewer())
      .send({ decision: 'APPROVE' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'INVALID_STATE', currentStatus: 'REJECTED' });

    const after = await request(sut.apiUrl)
      .get(`/applications/${applicationNo}`)
      .set(await asFamily());
    expect(after.body.status).toBe('REJECTED');
    expect(
      after.body.timeline.filter((e: { to: string }) => e.to === 'APPROVED' || e.to === 'REJECTED'),
    ).toHaveLength(1);
  });

  it('refuses a rejection without a reason code and words, naming the fields', async () => {
    const { applicationNo } = await submit(formFor(person()));
    await statusOf(applicationNo, 'AWAITING_REVIEW');
    const response = await request(sut.apiUrl)
      .post(`/applications/${applicationNo}/decision`)
      .set(await asReviewer())
      .send({ decision: 'REJECT' });
    expect(response.status).toBe(400);
    expect(response.body.violations).toEqual([
      expect.objectContaining({ path: 'reasonCode', code: 'REQUIRED' }),
      expect.objectContaining({ path: 'reason', code: 'REQUIRED' }),
    ]);
    expect(
      (
        await request(sut.apiUrl)
          .get(`/applications/${applicationNo}`)
          .set(await asFamily())
      ).body.status,
    ).toBe('AWAITING_REVIEW');
  });

  it('gives a second submission for the same child 409 with the first application number', async () => {
    const child = person();
    const first = await submit(formFor(child));
    const second = await request(sut.apiUrl)
      .post('/applications')
      .set(await asFamily(formFor(child)))
      .send(formFor(child, { channel: 'ONLINE_MOBILE' }));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      code: 'DUPLICATE_APPLICATION',
      existingApplicationNo: first.applicationNo,
    });
    expect(
      await sut.database.db.application.count({ where: { workflowId: first.workflowId } }),
    ).toBe(1);
  });

  it('records what the registry said: a name that differs is a MISMATCH, an unknown number NOT_FOUND', async () => {
    const child = person();
    const mismatch = await submit(
      formFor(child, { child: { ...formFor(child).child, name: '王某某' } }),
    );
    const notFound = await submit(formFor(UNREGISTERED));
    await statusOf(mismatch.applicationNo, 'AWAITING_REVIEW');
    // A child the registry does not know has no guardians it could confirm: checked in person.
    await statusOf(notFound.applicationNo, 'AWAITING_OFFLINE_CHECK');
    // Reviewers see which fields disagreed; families read the same in plain words.
    const official = async (no: string) =>
      (
        await request(sut.apiUrl)
          .get(`/applications/${no}`)
          .set(await asReviewer())
      ).body;
    const m = await official(mismatch.applicationNo);
    const n = await official(notFound.applicationNo);
    expect(identityOf(m)).toMatchObject({ outcome: 'MISMATCH', mismatchedFields: ['name'] });
    expect(identityOf(n)).toMatchObject({ outcome: 'NOT_FOUND' });
  });

  it('sends a case whose department stays down past the retry budget to offline checking', async () => {
    const budgetHarness = await startHarness({
      workflowBundle,
      // Scaled like every timer a test gets ahead of: on a busy machine an attempt may wait
      // seconds for a worker, and the budget must still hold more than one attempt.
      env: { VERIFICATION_RETRY_BUDGET_MS: String(scaled(4000)) },
    });
    try {
      budgetHarness.simulator.faults.set('identity', {
        outageUntil: new Date(Date.now() + scaled(60_000)).toISOString(),
      });
      const form = formFor(registryPeople[400]!);
      const family = { Authorization: await budgetHarness.auth.parent(FAMILY, form) };
      const response = await request(budgetHarness.apiUrl)
        .post('/applications')
        .set(family)
        .send(form);
      const applicationNo = response.body.applicationNo as string;
      const offline = await eventually(async () => {
        const r = await request(budgetHarness.apiUrl)
          .get(`/applications/${applicationNo}`)
          .set(family);
        return r.body.status === 'AWAITING_OFFLINE_CHECK' ? r.body : undefined;
      }, 'the case to give up on the department');
      expect(identityOf(offline)).toMatchObject({ check: 'IDENTITY', outcome: 'UNAVAILABLE' });
      expect(offline.timeline.at(-1).reason).toMatch(/offline|in person/);
      expect(budgetHarness.simulator.calls.get('identity')).toBeGreaterThan(1);
    } finally {
      await budgetHarness.close();
    }
  });

  it('answers invalid bodies with a problem document listing every violation', async () => {
    const child = person();
    const body = formFor(child, {
      stage: 'KINDERGARTEN',
      consent: { dataVerification: false },
      extra: 'x',
    });
    const response = await request(sut.apiUrl)
      .post('/applications')
      .set(await asFamily())
      .send(body);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const codes = (response.body.violations as Array<{ path: string; code: string }>).map(
      (v) => `${v.path}:${v.code}`,
    );
    expect(codes).toEqual(
      expect.arrayContaining([
        'stage:NOT_IN_LIST',
        'consent.dataVerification:CONSENT_REQUIRED',
        'extra:UNKNOWN_FIELD',
      ]),
    );
    expect(
      await sut.database.db.application.count({
        where: { childKey: { not: '' }, childName: child.name },
      }),
    ).toBe(0);
  });

  it('returns 404 as a problem for an unknown application number', async () => {
    const response = await request(sut.apiUrl)
      .get('/applications/2026-450103-999999-0')
      .set(await asFamily());
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'APPLICATION_NOT_FOUND' });
  });

  // Last: every test above polled its cases as a family's page does, under the default limits.
  it('never held a family back by a rate limit, though it polled its cases throughout', async () => {
    const db = sut.database.db;
    const reads = await db.auditLog.count({
      where: { actor: `parent:${FAMILY}`, action: 'applications.get', result: 'SUCCESS' },
    });
    expect(reads).toBeGreaterThan(20);
    expect(await db.auditLog.count({ where: { statusCode: 429 } })).toBe(0);
  });
});
