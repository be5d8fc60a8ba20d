import { ApplicationRepository } from '../../src/db/application-repository';
import { EligibilityRepository } from '../../src/db/eligibility-repository';
import { formatApplicationNo } from '../../src/domain/application-number';
import type { PriorityAssessment } from '../../src/domain/eligibility/assess';
import type { VerifiedFacts } from '../../src/domain/eligibility/facts';
import type { CheckResult } from '../../src/domain/verification/checks';
import { seedReferenceData } from '../../src/db/seed-reference-data';
import { columnSealerOf, isSealed } from '../../src/encryption/sealer';
import { applicationFormSchema } from '../../src/domain/forms/application-form';
import { FIXTURE_FAMILIES } from '../../src/simulator/fixtures';
import { formFor } from '../../src/testing/forms';
import type { EnrolmentApplicationInput, TimelineEntry } from '../../src/contract';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database';

const RUN = { workflowId: 'enrolment-race', runId: 'run-1' };

function submitted(): EnrolmentApplicationInput {
  return {
    applicationNo: '2026-450103-000001-2',
    form: applicationFormSchema.parse(formFor(FIXTURE_FAMILIES.liXiaoming.child)),
    childKey: 'child-key',
    childIdMasked: 'masked',
    ownerSub: 'parent-1',
    submittedBy: 'parent:parent-1',
    registrationPointId: null,
    submittedAt: new Date().toISOString(),
    settings: {
      verificationAttemptTimeoutMs: 5000,
      verificationRetryBudgetMs: 60_000,
      reviewSlaMs: 86_400_000,
    },
  };
}

const FIRST: TimelineEntry = {
  seq: 1,
  from: null,
  to: 'SUBMITTED',
  actor: 'parent:parent-1',
  channel: 'ONLINE_WEB',
  reason: null,
  at: new Date().toISOString(),
};

describe('the read model under concurrent writers and late steps', () => {
  let database: MigratedDatabase;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    await seedReferenceData(database.db);
  });
  afterAll(() => database.drop());

  // The API writes a case's first entry while the workflow's first activity writes the same one;
  // on a loaded machine they meet inside PostgreSQL, and the loser must not fail the submission.
  it('records the same first entry from many writers at once: one case, one entry, no error', async () => {
    const repository = new ApplicationRepository(
      database.db,
      columnSealerOf({ CHILD_KEY_SECRET: 'test-lookup-secret' }),
    );
    const input = submitted();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        i % 2
          ? repository.recordSubmission(input, RUN, FIRST)
          : repository.recordTransition(input, RUN, FIRST),
      ),
    );

    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : o.reason))).toEqual(
      Array(12).fill('recorded'),
    );
    const where = { applicationNo: input.applicationNo };
    expect(await database.db.application.count({ where })).toBe(1);
    expect(await database.db.applicationEvent.count({ where })).toBe(1);
  });

  it('writes a new case’s row sealed, its consent and entry, and takes over the account’s slot', async () => {
    const repository = new ApplicationRepository(
      database.db,
      columnSealerOf({ CHILD_KEY_SECRET: 'test-lookup-secret' }),
    );
    const input = { ...submitted(), applicationNo: '2026-450103-000003-9' };
    const run = { workflowId: 'enrolment-slot', runId: 'run-1' };
    const slot = { ownerSub: 'parent-1', workflowId: run.workflowId };
    await database.db.liveCaseReservation.createMany({
      data: [slot, { ownerSub: 'parent-1', workflowId: 'enrolment-other-child' }],
    });

    expect(await repository.recordSubmission(input, run, FIRST)).toBe('recorded');

    const where = { applicationNo: input.applicationNo };
    const row = await database.db.application.findUnique({ where });
    expect(row).toMatchObject({
      ...run,
      status: 'SUBMITTED',
      lastEventSeq: 1,
      ownerSub: 'parent-1',
    });
    expect(isSealed(row!.childName)).toBe(true);
    expect(typeof row!.statement === 'string' && isSealed(row!.statement)).toBe(true);
    expect(await database.db.consentRecord.findUnique({ where })).toMatchObject({
      channel: input.form.channel,
      actor: input.submittedBy,
      givenAt: new Date(input.submittedAt),
      paperFormSha256: null,
    });
    expect(await database.db.applicationEvent.count({ where })).toBe(1);
    // The row counts the case now; the account's slot for another child stays.
    expect(
      (await database.db.liveCaseReservation.findMany({ where: { ownerSub: 'parent-1' } })).map(
        (s) => s.workflowId,
      ),
    ).toEqual(['enrolment-other-child']);
    // A write of another run of the same number adds nothing.
    expect(await repository.recordSubmission(input, { ...run, runId: 'run-0' }, FIRST)).toBe(
      'otherRun',
    );
    expect(await database.db.applicationEvent.count({ where })).toBe(1);
  });

  it('records a later step as given, moves the row only forward, and nothing from another run', async () => {
    const repository = new ApplicationRepository(
      database.db,
      columnSealerOf({ CHILD_KEY_SECRET: 'test-lookup-secret' }),
    );
    const input = { ...submitted(), applicationNo: '2026-450103-000002-0' };
    const where = { applicationNo: input.applicationNo };
    await repository.recordTransition(input, RUN, FIRST);
    const second: TimelineEntry = {
      seq: 2,
      from: 'SUBMITTED',
      to: 'VERIFYING',
      actor: 'system',
      channel: null,
      reason: 'a reason',
      at: '2026-07-01T01:02:03.456Z',
    };
    expect(await repository.recordTransition(input, RUN, second)).toBe('recorded');
    // A retry of the same step, and the first step arriving late: neither changes anything.
    expect(await repository.recordTransition(input, RUN, second)).toBe('recorded');
    expect(await repository.recordTransition(input, RUN, FIRST)).toBe('recorded');
    const third = { ...second, seq: 3, from: 'VERIFYING' as const, to: 'AWAITING_REVIEW' as const };
    for (const step of [FIRST, third])
      expect(await repository.recordTransition(input, { ...RUN, runId: 'run-0' }, step)).toBe(
        'otherRun',
      );

    const events = await database.db.applicationEvent.findMany({ where, orderBy: { seq: 'asc' } });
    expect(events.map((e) => [e.seq, e.fromStatus, e.toStatus])).toEqual([
      [1, null, 'SUBMITTED'],
      [2, 'SUBMITTED', 'VERIFYING'],
    ]);
    expect(events[1]).toMatchObject({
      actor: 'system',
      channel: null,
      reason: 'a reason',
      occurredAt: new Date(second.at),
    });
    expect(await database.db.application.findUnique({ where })).toMatchObject({
      status: 'VERIFYING',
      lastEventSeq: 2,
      statusChangedAt: new Date(second.at),
      updatedAt: new Date(second.at),
      runId: RUN.runId,
    });
  });

  it("records a case's checks together, a retry overwriting each row; evidence sealed", async () => {
    const sealer = columnSealerOf({ CHILD_KEY_SECRET: 'test-lookup-secret' });
    const repository = new ApplicationRepository(database.db, sealer);
    const input = { ...submitted(), applicationNo: formatApplicationNo(2026, '450103', 3) };
    await repository.recordTransition(input, RUN, FIRST);
    const identity: CheckResult = {
      outcome: 'MATCH',
      mismatchedFields: [],
      evidence: { name: '李小明' },
    };
    const household: CheckResult = {
      outcome: 'MISMATCH',
      mismatchedFields: ['address', 'unit'],
      evidence: { address: '青秀区 1 号' },
    };
    await repository.recordChecks(
      input.applicationNo,
      { IDENTITY: identity, HOUSEHOLD: household, PROPERTY: undefined },
      new Date('2026-07-01T01:00:00.000Z'),
    );
    const retried: CheckResult = {
      outcome: 'MATCH',
      mismatchedFields: [],
      evidence: { address: '青秀区 2 号' },
    };
    await repository.recordChecks(
      input.applicationNo,
      { HOUSEHOLD: retried },
      new Date('2026-07-01T02:00:00.000Z'),
    );

    const stored = await repository.findByNumber(input.applicationNo);
    expect(stored?.verifications.map((v) => [v.check, v.outcome, v.mismatchedFields])).toEqual([
      ['HOUSEHOLD', 'MATCH', []],
      ['IDENTITY', 'MATCH', []],
    ]);
    expect(stored?.verifications.map((v) => [v.evidence, v.checkedAt])).toEqual([
      [retried.evidence, new Date('2026-07-01T02:00:00.000Z')],
      [identity.evidence, new Date('2026-07-01T01:00:00.000Z')],
    ]);
    const raw = await database.db.verificationResult.findMany({
      where: { applicationNo: input.applicationNo },
    });
    expect(raw.map((row) => isSealed(row.evidence))).toEqual([true, true]);
  });

  it('keeps each assessment version once and moves the latest only forward', async () => {
    const sealer = columnSealerOf({ CHILD_KEY_SECRET: 'test-lookup-secret' });
    const repository = new ApplicationRepository(database.db, sealer);
    const eligibility = new EligibilityRepository(database.db, sealer);
    const input = { ...submitted(), applicationNo: formatApplicationNo(2026, '450103', 4) };
    await repository.recordTransition(input, RUN, FIRST);
    const assessed = (tier: number, eligible: boolean): PriorityAssessment => ({
      policyVersion: `policy-${tier}`,
      eligible,
      notes: eligible ? [] : [{ code: 'TOO_YOUNG', zh: '未达入学年龄', en: 'Too young' }],
      schools: [
        {
          schoolId: 'school-1',
          tier,
          tierNameZh: `第${tier}类`,
          tierNameEn: `Tier ${tier}`,
          predicate: 'SOLE_OWNED_HOME_AT_HUKOU_IN_CATCHMENT',
          evidence: [`证 ${tier}`],
          qualifyingDate: '2020-01-02',
          contributionMonths: null,
        },
      ],
    });
    const facts = { birthDate: '2019-05-01' } as VerifiedFacts;
    const autoFill = [{ field: 'address', stated: null, registry: '青秀区', agrees: false }];
    const save = (tier: number, version: number, at: string) =>
      eligibility.save(
        input.applicationNo,
        { assessment: assessed(tier, tier < 3), autoFill, facts },
        new Date(at),
        { number: version, cause: version === 1 ? 'CHECKS' : 'OFFLINE_CHECK', confirmations: [] },
      );
    await save(1, 1, '2026-07-01T01:00:00.000Z');
    await save(2, 2, '2026-07-02T01:00:00.000Z');
    // A retry of the first version arriving late, with other contents: nothing moves.
    await save(3, 1, '2026-07-03T01:00:00.000Z');

    const latest = await eligibility.find(input.applicationNo);
    expect(latest).toMatchObject({
      version: 2,
      policyVersion: 'policy-2',
      eligible: true,
      notes: [],
      autoFill,
      facts,
      assessedAt: new Date('2026-07-02T01:00:00.000Z'),
    });
    expect(latest?.schools).toEqual(assessed(2, true).schools);
    const versions = await eligibility.versions(input.applicationNo);
    expect(versions.map((v) => [v.version, v.cause, v.policyVersion, v.eligible])).toEqual([
      [1, 'CHECKS', 'policy-1', true],
      [2, 'OFFLINE_CHECK', 'policy-2', true],
    ]);
    const raw = await database.db.eligibilityAssessment.findUnique({
      where: { applicationNo: input.applicationNo },
    });
    expect([raw?.notes, raw?.facts, raw?.autoFill].map(isSealed)).toEqual([true, true, true]);
  });
});
