import { createHash } from 'node:crypto';
import request from 'supertest';
import { DEFAULT_POLICY } from '../../src/domain/eligibility/policy';
import { formForFamily, schoolFor } from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

const COUNTY = '450103';
const PRIVATE_SCHOOL = '450103-M01';
/** The public school both groups of families want. */
const CONTESTED = '450103-P01';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A round under a county's own policy (DESIGN.md §5): the mechanism comes from the policy data, a
 * private school admits by lottery alone (公民同招), and what a round published never changes
 * when schools or the policy are edited afterwards.
 */
describe('an admission round under the county’s policy, with a private school', () => {
  let sut: Harness;
  let admin: Record<string, string>;
  let roundId: string;
  let published: Record<string, unknown>;
  let privateApplicants: string[];
  let numbers: string[];

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
    admin = { Authorization: await sut.auth.admin([COUNTY]) };
  });
  afterAll(() => sut?.close());

  const api = () => request(sut.apiUrl);
  const school = (id: string, type: 'PUBLIC' | 'PRIVATE', places: number) =>
    api()
      .put(`/admin/schools/${id}`)
      .set(admin)
      .send({
        countyCode: COUNTY,
        stage: 'PRIMARY_1',
        nameZh: '南宁市青秀区启航实验学校',
        type,
        places,
        location: { x: 500, y: 0 },
      });
  const policy = (version: string, mechanism: 'FIRST_CHOICE_FIRST' | 'DEFERRED_ACCEPTANCE') =>
    api()
      .put(`/admin/policies/${COUNTY}/PRIMARY_1/2026`)
      .set(admin)
      .send({ ...DEFAULT_POLICY, version, mechanism });

  it('runs a first-choice-first round end to end, as the county’s policy says, and fills the private school by lottery alone', async () => {
    await policy('qingxiu-2026-fcf', 'FIRST_CHOICE_FIRST').expect(200);
    await school(PRIVATE_SCHOOL, 'PRIVATE', 2).expect(200);
    // Five families of P01's catchment put the private school first and P01 second; three of
    // P02's put P01 first, where they stand in the last tier. P01 has room for three: first
    // choice first gives it to those three, where deferred acceptance would give it to the
    // private school's losers, who rank above them there.
    await sut.database.db.school.update({ where: { id: CONTESTED }, data: { places: 3 } });
    const local = registryFamilies.filter(
      (f) =>
        f.countyCode === COUNTY &&
        f.households[0]!.divisionCode === COUNTY &&
        f.archetype === 'SOLE_OWNER_AT_HUKOU',
    );
    const families = [
      ...local.filter((f) => schoolFor(f) === CONTESTED).slice(0, 5),
      ...local.filter((f) => schoolFor(f) !== CONTESTED).slice(0, 3),
    ];
    expect(families).toHaveLength(8);
    numbers = [];
    privateApplicants = [];
    for (const [i, f] of families.entries()) {
      const choices = i < 5 ? [PRIVATE_SCHOOL, CONTESTED] : [CONTESTED];
      const form = formForFamily(f, { schoolChoices: choices });
      const created = await api()
        .post('/applications')
        .set({ Authorization: await sut.auth.parent('family-policies', form) })
        .send(form);
      expect(created.status).toBe(201);
      numbers.push(created.body.applicationNo);
      if (i < 5) privateApplicants.push(created.body.applicationNo);
    }
    await eventually(
      async () =>
        (await sut.database.db.application.count({
          where: { applicationNo: { in: numbers }, status: 'AWAITING_REVIEW' },
        })) === numbers.length || undefined,
      'every case to be verified',
      120_000,
    );
    const reviewer = { Authorization: await sut.auth.reviewer([COUNTY]) };
    const approved = await api()
      .post('/review/batch-approve')
      .set(reviewer)
      .send({ applicationNos: numbers });
    expect(approved.body).toMatchObject({ approved: numbers.length, failed: 0 });

    // No mechanism named: the round takes the county's.
    const started = await api()
      .post('/rounds')
      .set(admin)
      .send({ countyCode: COUNTY, stage: 'PRIMARY_1', seasonYear: 2026 });
    expect(started.status).toBe(201);
    expect(started.body.mechanism).toBe('FIRST_CHOICE_FIRST');
    roundId = started.body.roundId;
    published = await eventually(
      async () => {
        const r = await api().get(`/rounds/${roundId}`).set(admin);
        return r.body.status === 'PUBLISHED' ? r.body : undefined;
      },
      'the round to be published',
      180_000,
    );
    expect(published).toMatchObject({
      mechanism: 'FIRST_CHOICE_FIRST',
      policyVersion: 'qingxiu-2026-fcf',
      seedCommitment: sha256(published.seed as string),
    });
    expect(published.schools).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ schoolId: PRIVATE_SCHOOL, capacity: 2, admitted: 2 }),
      ]),
    );

    // The two places went to the two smallest lottery numbers, whatever their priority elsewhere.
    const results = await sut.database.db.admissionResult.findMany({ where: { roundId } });
    expect(results).toHaveLength(numbers.length);
    const atPrivate = results
      .filter((r) => (r.placement as { schoolId?: string }).schoolId === PRIVATE_SCHOOL)
      .map((r) => r.applicationNo)
      .sort();
    const draw = (applicationNo: string) => sha256(`${published.seed as string}|${applicationNo}`);
    const byLottery = [...privateApplicants].sort((a, b) => (draw(a) < draw(b) ? -1 : 1));
    expect(atPrivate).toEqual(byLottery.slice(0, 2).sort());

    // First choice first: P01 went to the three who chose it first, none to the private losers.
    const atContested = results
      .filter((r) => (r.placement as { schoolId?: string }).schoolId === CONTESTED)
      .map((r) => r.applicationNo)
      .sort();
    expect(atContested).toEqual(numbers.filter((n) => !privateApplicants.includes(n)).sort());

    // Every family holds its result, and anyone can recompute the draw.
    await eventually(
      async () =>
        (await sut.database.db.application.count({
          where: {
            applicationNo: { in: numbers },
            status: { in: ['ADMITTED', 'ASSIGNED_BY_BUREAU', 'NOT_ADMITTED'] },
          },
        })) === numbers.length || undefined,
      'every case to hold its result',
      120_000,
    );
    expect((await api().get(`/rounds/${roundId}/verify`).set(admin)).body).toMatchObject({
      verdict: 'MATCH',
      differences: [],
    });
  });

  it('keeps a published round as it was after its schools and the county’s policy are edited', async () => {
    expect(roundId).toBeDefined();
    const statuses = async () =>
      (
        await sut.database.db.application.findMany({
          where: { applicationNo: { in: numbers } },
          orderBy: { applicationNo: 'asc' },
        })
      ).map((a) => `${a.applicationNo}:${a.status}`);
    const before = await statuses();
    await school(PRIVATE_SCHOOL, 'PUBLIC', 7).expect(200);
    await sut.database.db.school.update({ where: { id: '450103-P01' }, data: { places: 1 } });
    await policy('qingxiu-2026-da', 'DEFERRED_ACCEPTANCE').expect(200);

    expect((await api().get(`/rounds/${roundId}`).set(admin)).body).toEqual(published);
    expect((await api().get(`/rounds/${roundId}/verify`).set(admin)).body).toMatchObject({
      verdict: 'MATCH',
      differences: [],
    });
    expect(await statuses()).toEqual(before);
  });
});
