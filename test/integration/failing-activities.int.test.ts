import request from 'supertest';
import { formForFamily } from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

/**
 * The operations console's failing-activity projection (issue 18): the worker records failing
 * attempts as a department is down and clears them as it recovers; counts and the ACTIVITY_FAILING
 * list read the projection, per county, without describing any run.
 */
describe('failing-activity projection', () => {
  let sut: Harness;
  let operator: Record<string, string>;
  let otherOperator: Record<string, string>;
  const COUNTY = '450103';
  const OTHER_COUNTY = '450703';
  const taken: Record<string, number> = {};
  const api = () => request(sut.apiUrl);

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
    operator = { Authorization: await sut.auth.operator([COUNTY]) };
    otherOperator = { Authorization: await sut.auth.operator([OTHER_COUNTY]) };
  });
  afterAll(() => sut?.close());
  afterEach(() => {
    sut.simulator.faults.clear();
    jest.restoreAllMocks();
  });

  async function submit(county: string) {
    taken[county] = (taken[county] ?? 0) + 1;
    const family = registryFamilies.filter((f) => f.countyCode === county)[taken[county]]!;
    const form = formForFamily(family);
    const created = await api()
      .post('/applications')
      .set({ Authorization: await sut.auth.parent('family-projection', form) })
      .send(form);
    expect(created.status).toBe(201);
    return { no: created.body.applicationNo as string, family };
  }
  const failingCount = async (who: Record<string, string>) => {
    const counts = await api().get('/ops/counts').query({ minAttempts: 2 }).set(who);
    expect(counts.status).toBe(200);
    return counts.body.byProblem.ACTIVITY_FAILING as number;
  };

  it('counts cases as a department fails and clears them as it recovers, per county, with no describe call', async () => {
    const describeCalls = jest.spyOn(sut.temporal.workflowService, 'describeWorkflowExecution');
    sut.simulator.faults.set('household', { errorRate: 1 });
    const mine = [await submit(COUNTY), await submit(COUNTY)];
    const theirs = await submit(OTHER_COUNTY);

    await eventually(
      async () => ((await failingCount(operator)) === 2 ? true : undefined),
      'both cases of the county to count as failing',
      60_000,
    );
    await eventually(
      async () => ((await failingCount(otherOperator)) === 1 ? true : undefined),
      'the other county to count its own case only',
      60_000,
    );

    const first = await api()
      .get('/ops/cases')
      .query({ problem: 'ACTIVITY_FAILING', minAttempts: 2, limit: 1 })
      .set(operator);
    expect(first.status).toBe(200);
    const second = await api()
      .get('/ops/cases')
      .query({
        problem: 'ACTIVITY_FAILING',
        minAttempts: 2,
        limit: 1,
        pageToken: first.body.nextPageToken,
      })
      .set(operator);
    const listed = [...first.body.items, ...second.body.items];
    expect(listed.map((c: { applicationNo: string }) => c.applicationNo).sort()).toEqual(
      mine.map((m) => m.no).sort(),
    );
    expect(listed[0]).toMatchObject({
      status: 'VERIFYING',
      countyCode: COUNTY,
      problems: expect.arrayContaining(['ACTIVITY_FAILING']),
      failingActivities: [
        expect.objectContaining({
          activityType: 'verifyHousehold',
          attempt: expect.any(Number),
          lastFailure: expect.stringContaining('503'),
          nextAttemptAt: expect.any(String),
        }),
      ],
    });
    // A token continues its own filter only.
    await api()
      .get('/ops/cases')
      .query({ problem: 'ACTIVITY_FAILING', minAttempts: 3, pageToken: first.body.nextPageToken })
      .set(operator)
      .expect(400);
    const theirsListed = await api()
      .get('/ops/cases')
      .query({ problem: 'ACTIVITY_FAILING', minAttempts: 2 })
      .set(otherOperator);
    expect(theirsListed.body.items.map((c: { applicationNo: string }) => c.applicationNo)).toEqual([
      theirs.no,
    ]);
    // Counting and listing failing cases described no run at all.
    expect(describeCalls).not.toHaveBeenCalled();

    // The projection holds names and numbers, nothing of the family's.
    const rows = await sut.database.db.failingActivity.findMany();
    expect(rows).toHaveLength(3);
    const stored = JSON.stringify(rows);
    for (const { family } of [...mine, theirs]) {
      expect(stored).not.toContain(family.child.idNumber);
      expect(stored).not.toContain(family.child.name);
    }

    sut.simulator.faults.clear('household');
    await eventually(
      async () =>
        (await failingCount(operator)) === 0 && (await failingCount(otherOperator)) === 0
          ? true
          : undefined,
      'the recovered checks to leave the counts',
      120_000,
    );
    expect(await sut.database.db.failingActivity.count()).toBe(0);
    for (const { no } of [...mine, theirs])
      await eventually(
        async () =>
          (await sut.database.db.application.findUniqueOrThrow({ where: { applicationNo: no } }))
            .status === 'AWAITING_REVIEW'
            ? true
            : undefined,
        `${no} to reach AWAITING_REVIEW`,
        60_000,
      );
  });
});
