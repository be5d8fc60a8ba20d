import request from 'supertest';
import { DEFAULT_POLICY } from '../../src/domain/eligibility/policy';
import { bundleWorkflows, startHarness, type Harness } from '../support/harness';

describe('reference data and policy administration', () => {
  let sut: Harness;
  let nanning: Record<string, string>;
  let qinzhou: Record<string, string>;

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows(), withoutWorker: true });
    nanning = { Authorization: await sut.auth.admin(['450103']) };
    qinzhou = { Authorization: await sut.auth.admin(['450703']) };
  });
  afterAll(() => sut?.close());

  const api = () => request(sut.apiUrl);

  it('lets a city administrator maintain the schools of their counties only', async () => {
    const school = {
      countyCode: '450103',
      stage: 'PRIMARY_1',
      nameZh: '南宁市青秀区新竹小学',
      type: 'PUBLIC',
      places: 270,
      catchmentUnits: ['450103-C07'],
      location: { x: 1200, y: 300 },
    };
    const created = await api().put('/admin/schools/450103-P03').set(nanning).send(school);
    expect(created.status).toBe(200);
    expect(
      await sut.database.db.school.findUniqueOrThrow({ where: { id: '450103-P03' } }),
    ).toMatchObject({ places: 270, catchmentUnits: ['450103-C07'], locationX: 1200 });
    expect((await api().put('/admin/schools/450103-P03').set(qinzhou).send(school)).status).toBe(
      403,
    );
    const invalid = await api()
      .put('/admin/schools/450103-P03')
      .set(nanning)
      .send({ ...school, places: -1 });
    expect(invalid.body.violations).toEqual([
      expect.objectContaining({ path: 'places', code: 'OUT_OF_RANGE' }),
    ]);
    const parent = { Authorization: await sut.auth.parent('family-x') };
    expect((await api().put('/admin/schools/450103-P03').set(parent).send(school)).status).toBe(
      403,
    );
  });

  it("lists a county's schools and season's rounds to that county's administrators only", async () => {
    const schools = await api().get('/admin/counties/450103/schools').set(nanning);
    expect(schools.status).toBe(200);
    // Everything a PUT of the school takes back, so a page can change one figure and keep the rest.
    expect(schools.body).toContainEqual(
      expect.objectContaining({ id: '450103-J01', feederPrimaryIds: ['450103-P01', '450103-P02'] }),
    );
    expect((await api().get('/admin/counties/450103/schools').set(qinzhou)).status).toBe(403);
    const season = '/rounds?countyCode=450103&stage=JUNIOR_1&seasonYear=2026';
    expect((await api().get(season).set(nanning)).status).toBe(200);
    expect((await api().get(season).set(qinzhou)).status).toBe(403);
    const parent = { Authorization: await sut.auth.parent('family-x') };
    expect((await api().get(season).set(parent)).status).toBe(403);
    expect((await api().get('/admin/counties/450103/schools').set(parent)).status).toBe(403);
    const badSeason = await api()
      .get('/rounds?countyCode=450103&stage=JUNIOR_1&seasonYear=next')
      .set(nanning);
    expect(badSeason.status).toBe(400);
    expect(badSeason.body.violations).toEqual([expect.objectContaining({ path: 'seasonYear' })]);
  });

  it('stores a county policy as data, refusing one without the catch-all tier', async () => {
    const policy = {
      ...DEFAULT_POLICY,
      version: 'qingxiu-2026.2',
      mechanism: 'FIRST_CHOICE_FIRST',
      socialInsuranceMonths: 6,
    };
    expect(
      (await api().put('/admin/policies/450103/PRIMARY_1/2026').set(nanning).send(policy)).status,
    ).toBe(200);
    const row = await sut.database.db.admissionPolicy.findUniqueOrThrow({
      where: {
        countyCode_stage_seasonYear: { countyCode: '450103', stage: 'PRIMARY_1', seasonYear: 2026 },
      },
    });
    expect(row).toMatchObject({
      version: 'qingxiu-2026.2',
      document: expect.objectContaining({ mechanism: 'FIRST_CHOICE_FIRST' }),
    });
    const noCatchAll = {
      ...policy,
      tiers: policy.tiers.filter((t) => !t.predicates.includes('OTHER_ELIGIBLE')),
    };
    expect(
      (await api().put('/admin/policies/450103/PRIMARY_1/2026').set(nanning).send(noCatchAll))
        .status,
    ).toBe(400);
    expect(
      (await api().put('/admin/policies/450103/KINDERGARTEN/2026').set(nanning).send(policy))
        .status,
    ).toBe(400);
  });

  it("gives a county's administrators the policy a round would apply, the region's default until the county puts its own", async () => {
    const path = '/admin/policies/450103/JUNIOR_1/2027';
    const before = await api().get(path).set(nanning);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      countyOwn: false,
      updatedAt: null,
      document: DEFAULT_POLICY,
    });
    const own = { ...DEFAULT_POLICY, version: 'qingxiu-junior-2027.1', hukouMonthsThreshold: 24 };
    expect((await api().put(path).set(nanning).send(own)).status).toBe(200);
    const after = await api().get(path).set(nanning);
    expect(after.body).toMatchObject({ countyOwn: true, document: own });
    expect(after.body.updatedAt).toEqual(expect.any(String));
    expect((await api().get(path).set(qinzhou)).status).toBe(403);
    const parent = { Authorization: await sut.auth.parent('family-x') };
    expect((await api().get(path).set(parent)).status).toBe(403);
    expect((await api().get('/admin/policies/450103/KINDERGARTEN/2027').set(nanning)).status).toBe(
      400,
    );
  });

  it('starts no round while the registration window is open', async () => {
    const window = {
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    };
    expect(
      (
        await api()
          .put('/admin/registration-windows/450103/JUNIOR_1/2026')
          .set(nanning)
          .send(window)
      ).status,
    ).toBe(200);
    const early = await api()
      .post('/rounds')
      .set(nanning)
      .send({ countyCode: '450103', stage: 'JUNIOR_1', seasonYear: 2026 });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'REGISTRATION_OPEN', closesAt: window.closesAt });
    expect(
      (
        await api()
          .post('/rounds')
          .set(qinzhou)
          .send({ countyCode: '450103', stage: 'JUNIOR_1', seasonYear: 2026 })
      ).status,
    ).toBe(403);
  });

  it('lets only a region administrator set a season and its age cut-offs, and change them', async () => {
    const region = { Authorization: await sut.auth.regionAdmin() };
    const season = {
      name: '2027年秋季学期',
      primaryBornOnOrBefore: '2021-08-31',
      juniorBornOnOrBefore: '2016-08-31',
    };
    expect((await api().put('/admin/seasons/2027').set(region).send(season)).status).toBe(200);
    const stored = () => sut.database.db.season.findUniqueOrThrow({ where: { year: 2027 } });
    expect(await stored()).toMatchObject({
      name: season.name,
      primaryBornOnOrBefore: new Date('2021-08-31T00:00:00Z'),
      juniorBornOnOrBefore: new Date('2016-08-31T00:00:00Z'),
    });
    const changed = { ...season, primaryBornOnOrBefore: '2021-09-30' };
    expect((await api().put('/admin/seasons/2027').set(region).send(changed)).status).toBe(200);
    expect((await stored()).primaryBornOnOrBefore).toEqual(new Date('2021-09-30T00:00:00Z'));
    expect(await sut.database.db.season.count({ where: { year: 2027 } })).toBe(1);

    // A city administrator keeps their counties' data, not the region's calendar.
    expect((await api().put('/admin/seasons/2027').set(nanning).send(season)).status).toBe(403);
    const invalid = await api()
      .put('/admin/seasons/2027')
      .set(region)
      .send({ ...season, juniorBornOnOrBefore: '31/08/2016' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.violations[0]).toMatchObject({ path: 'juniorBornOnOrBefore' });
    expect((await stored()).juniorBornOnOrBefore).toEqual(new Date('2016-08-31T00:00:00Z'));
  });

  it('lists registration points, all or one county’s, to any signed-in user', async () => {
    const family = { Authorization: await sut.auth.parent('family-points') };
    const all = await api().get('/registration-points').set(family);
    expect(all.status).toBe(200);
    const ids = all.body.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['450103-RP01', '450103-RP02', '450703-RP01']));
    expect(ids).toEqual([...ids].sort());
    const qingxiu = await api().get('/registration-points?countyCode=450103').set(family);
    expect(qingxiu.body.map((p: { id: string }) => p.id)).toEqual(['450103-RP01', '450103-RP02']);
    expect(qingxiu.body[0]).toMatchObject({
      countyCode: '450103',
      nameZh: expect.any(String),
      address: expect.any(String),
    });
    expect((await api().get('/registration-points?countyCode=45').set(family)).status).toBe(400);
    expect((await api().get('/registration-points')).status).toBe(401);
  });

  it('shows a family its own appointments only, booked and then cancelled', async () => {
    const mine = { Authorization: await sut.auth.parent('family-appointments') };
    const theirs = { Authorization: await sut.auth.parent('family-appointments-other') };
    expect((await api().get('/appointments').set(mine)).body).toEqual([]);
    const slots = await api().get('/registration-points/450103-RP02/slots?days=7').set(mine);
    const slot = slots.body[0] as { id: string; startsAt: string };
    const booked = await api().post('/appointments').set(mine).send({ slotId: slot.id });
    expect(booked.status).toBe(201);

    const listed = await api().get('/appointments').set(mine);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      {
        appointmentId: booked.body.appointmentId,
        // Booked without naming a case (a booking may name the family's case since issue 14).
        applicationNo: null,
        status: 'BOOKED',
        startsAt: slot.startsAt,
        point: { id: '450103-RP02', nameZh: expect.any(String), address: expect.any(String) },
      },
    ]);
    expect((await api().get('/appointments').set(theirs)).body).toEqual([]);
    expect((await api().get('/appointments').set(nanning)).status).toBe(403);

    await api().delete(`/appointments/${booked.body.appointmentId}`).set(mine).expect(204);
    expect((await api().get('/appointments').set(mine)).body).toEqual([
      expect.objectContaining({ appointmentId: booked.body.appointmentId, status: 'CANCELLED' }),
    ]);
  });
});
