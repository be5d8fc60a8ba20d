import request from 'supertest';
import { eventually } from '../support/eventually';
import { SUBMISSION_STAGES, type SubmissionStage } from '../../src/observability/metrics';
import { formForFamily } from '../../src/testing/forms';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';
import { parseScrape, sampleValue } from '../support/prometheus';

const COUNTY = '450103';

describe('Prometheus metrics at /metrics (API and worker in one process, as npm start runs them)', () => {
  let sut: Harness;

  beforeAll(async () => {
    // A two-second SLA, so that the cases waiting for review become overdue during the test.
    sut = await startHarness({
      workflowBundle: await bundleWorkflows(),
      env: { REVIEW_SLA_MS: '2000' },
    });
  });
  afterAll(() => sut?.close());

  it('counts cases, the review backlog, department calls, checks and API requests, without a token', async () => {
    const db = sut.database.db;
    const parent = { Authorization: await sut.auth.parent('family-metrics') };
    const reviewer = { Authorization: await sut.auth.reviewer([COUNTY]) };
    const families = registryFamilies.filter((f) => f.countyCode === COUNTY).slice(0, 3);

    // The household registry fails at first: failed attempts and an unavailable department,
    // then the retries get answers.
    sut.simulator.faults.set('household', { errorRate: 1 });
    const numbers: string[] = [];
    for (const family of families) {
      const form = formForFamily(family);
      const created = await request(sut.apiUrl)
        .post('/applications')
        .set({ Authorization: await sut.auth.parent('family-metrics', form) })
        .send(form);
      expect(created.status).toBe(201);
      numbers.push(created.body.applicationNo as string);
    }
    await eventually(
      () => ((sut.simulator.calls.get('household') ?? 0) >= 1 ? true : undefined),
      'a household call to fail',
    );
    sut.simulator.faults.clear();

    await eventually(
      async () => {
        const rows = await db.application.findMany({ where: { applicationNo: { in: numbers } } });
        return rows.length === numbers.length &&
          rows.every((r) => r.status === 'AWAITING_REVIEW' && r.reviewOverdue)
          ? true
          : undefined;
      },
      'the cases to wait for review past their SLA',
      60_000,
    );
    // Approved after its SLA passed: its stored overdue flag stays, but it is no longer overdue.
    const approved = await request(sut.apiUrl)
      .post(`/applications/${numbers[0]}/decision`)
      .set(reviewer)
      .send({ decision: 'APPROVE' });
    expect(approved.status).toBe(200);
    await eventually(
      async () =>
        (await db.application.findUnique({ where: { applicationNo: numbers[0] } }))?.status ===
        'APPROVED'
          ? true
          : undefined,
      'the approval in the read model',
    );
    expect((await request(sut.apiUrl).get(`/applications/${numbers[1]}`).set(parent)).status).toBe(
      200,
    );
    expect((await request(sut.apiUrl).get('/no-such-route')).status).toBe(404);

    const scrape = await request(sut.apiUrl).get('/metrics');
    expect(scrape.status).toBe(200);
    expect(scrape.headers['content-type']).toContain('text/plain');
    const samples = parseScrape(scrape.text);
    const value = (name: string, labels: Record<string, string>) =>
      sampleValue(samples, name, labels);

    // Cases by status and the review backlog, from the read model.
    const cases = (status: string) =>
      value('gx_enrolment_cases', { county: COUNTY, stage: 'PRIMARY_1', status });
    expect(cases('AWAITING_REVIEW')).toBe(2);
    expect(cases('APPROVED')).toBe(1);
    expect(cases('VERIFYING')).toBeUndefined();
    expect(
      value('gx_enrolment_review_backlog', { county: COUNTY, status: 'AWAITING_REVIEW' }),
    ).toBe(2);
    expect(
      value('gx_enrolment_review_backlog', { county: COUNTY, status: 'AWAITING_OFFLINE_CHECK' }),
    ).toBe(0);
    expect(value('gx_enrolment_review_overdue', { county: COUNTY })).toBe(2);

    // Department calls: every identity call answered, the failed household calls counted apart.
    const identityCalls = value('gx_enrolment_department_call_duration_seconds_count', {
      department: 'identity',
      outcome: 'ok',
    });
    expect(identityCalls).toBe(sut.simulator.calls.get('identity'));
    expect(identityCalls).toBeGreaterThanOrEqual(3);
    expect(
      value('gx_enrolment_department_call_duration_seconds_bucket', {
        department: 'identity',
        outcome: 'ok',
        le: '+Inf',
      }),
    ).toBe(identityCalls);
    expect(
      value('gx_enrolment_department_call_duration_seconds_count', {
        department: 'household',
        outcome: 'unavailable',
      }),
    ).toBeGreaterThanOrEqual(1);

    // Check outcomes: what each case recorded, as the read model has it, plus the failed attempts.
    const recorded = await db.verificationResult.groupBy({
      by: ['check', 'outcome'],
      _count: { _all: true },
    });
    expect(recorded.length).toBeGreaterThan(0);
    for (const row of recorded) {
      expect([
        row.check,
        row.outcome,
        value('gx_enrolment_verification_checks_total', { check: row.check, outcome: row.outcome }),
      ]).toEqual([row.check, row.outcome, row._count._all]);
    }
    const checkSamples = samples.filter((s) => s.name === 'gx_enrolment_verification_checks_total');
    const failedAttempts = checkSamples
      .filter((s) => s.labels.outcome === 'error')
      .reduce((sum, s) => sum + s.value, 0);
    expect(failedAttempts).toBeGreaterThanOrEqual(1);
    expect(checkSamples.filter((s) => s.labels.outcome !== 'error')).toHaveLength(recorded.length);

    // API latency by route template: never an application number in a label.
    const http = (method: string, route: string, status: string) =>
      value('gx_enrolment_http_request_duration_seconds_count', {
        method,
        route,
        status_code: status,
      });
    expect(http('POST', '/applications', '201')).toBe(3);
    expect(http('POST', '/applications/:applicationNo/decision', '200')).toBe(1);
    expect(http('GET', '/applications/:applicationNo', '200')).toBe(1);
    expect(http('GET', 'UNMATCHED', '404')).toBe(1);
    const labelValues = samples.flatMap((s) => Object.values(s.labels));
    for (const no of numbers) expect(labelValues.join(' ')).not.toContain(no);

    // Where the submissions' time went: every stage of the three, once each (no Idempotency-Key).
    const stage = (name: SubmissionStage) =>
      value('gx_enrolment_submission_stage_duration_seconds_count', { stage: name });
    for (const name of SUBMISSION_STAGES.filter((s) => s !== 'idempotency'))
      expect([name, stage(name)]).toEqual([name, 3]);
    expect(stage('idempotency')).toBeUndefined();
    expect(
      value('gx_enrolment_submission_stage_duration_seconds_sum', { stage: 'workflow_start' }),
    ).toBeGreaterThan(0);

    // Node's own process metrics come along.
    expect(samples.some((s) => s.name === 'process_cpu_seconds_total')).toBe(true);
  });
});
