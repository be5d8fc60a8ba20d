import { ApplicationRepository } from '../../src/db/application-repository';
import { seedReferenceData } from '../../src/db/seed-reference-data';
import { columnSealerOf } from '../../src/encryption/sealer';
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
      Array.from({ length: 12 }, () => repository.recordTransition(input, RUN, FIRST)),
    );

    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : o.reason))).toEqual(
      Array(12).fill('recorded'),
    );
    const where = { applicationNo: input.applicationNo };
    expect(await database.db.application.count({ where })).toBe(1);
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
    expect(await repository.recordTransition(input, { ...RUN, runId: 'run-0' }, third)).toBe(
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
});
