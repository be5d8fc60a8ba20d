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
});
