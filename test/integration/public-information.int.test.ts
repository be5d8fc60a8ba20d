import request from 'supertest';
import { formForFamily } from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

/**
 * Public information and bureau reports (issue 15, items 4–5): no token for the first, nothing
 * personal in it, drafts invisible, ETag revalidation; the second scoped to the county and equal
 * to the read model's own counts.
 */
describe('public information and bureau reports', () => {
  let sut: Harness;
  let qingxiu: Record<string, string>;
  let qinbei: Record<string, string>;
  const forms: Record<string, unknown>[] = [];
  const cases: string[] = [];
  // Small enough to reach in a test, large enough for the other tests' public reads.
  const PUBLIC_LIMIT = 60;

  beforeAll(async () => {
    sut = await startHarness({
      workflowBundle: await bundleWorkflows(),
      env: { RATE_LIMIT_PUBLIC: String(PUBLIC_LIMIT), RATE_LIMIT_IP_FACTOR: '1' },
    });
    qingxiu = { Authorization: await sut.auth.admin(['450103']) };
    qinbei = { Authorization: await sut.auth.admin(['450703']) };
    const families = registryFamilies.filter((f) => f.countyCode === '450103').slice(300, 303);
    for (const family of families) {
      const form = formForFamily(family);
      const created = await api()
        .post('/applications')
        .set({ Authorization: await sut.auth.parent(`family-public-${cases.length}`, form) })
        .send(form);
      expect(created.status).toBe(201);
      forms.push(form);
      cases.push(created.body.applicationNo as string);
    }
    for (const no of cases) await until(no, 'AWAITING_REVIEW');
    const reviewer = { Authorization: await sut.auth.reviewer(['450103']) };
    const approved = await api()
      .post(`/applications/${cases[0]}/decision`)
      .set(reviewer)
      .send({ decision: 'APPROVE' });
    expect(approved.body.status).toBe('APPROVED');
  });
  afterAll(() => sut?.close());

  const api = () => request(sut.apiUrl);
  async function until(no: string, wanted: string) {
    await eventually(
      async () =>
        (await sut.database.db.application.findUniqueOrThrow({ where: { applicationNo: no } }))
          .status === wanted || undefined,
      `${no} to reach ${wanted}`,
      120_000,
    );
  }

  const PUBLIC_PATHS = [
    '/public/counties',
    '/public/counties/450103/schools',
    '/public/counties/450103/schools?stage=JUNIOR_1',
    '/public/counties/450103/policy?stage=PRIMARY_1&seasonYear=2026',
    '/public/counties/450103/registration-windows',
    '/public/counties/450103/guide',
    '/public/counties/450103/faq',
    '/public/counties/450103/rounds',
    '/public/materials?stage=PRIMARY_1&formType=B&housingType=REGISTERED_RENTAL',
  ];

  it('answers every public path without a token, and names no person of the cases filed', async () => {
    const secrets = forms.flatMap((form) => {
      const child = form.child as { name: string; idNumber: string };
      const guardians = form.guardians as { name: string; idNumber: string; mobile: string }[];
      return [
        child.name,
        child.idNumber,
        ...guardians.flatMap((g) => [g.name, g.idNumber, g.mobile]),
      ];
    });
    expect(secrets.length).toBeGreaterThan(6);
    for (const path of PUBLIC_PATHS) {
      const res = await api().get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      const text = res.text;
      for (const secret of secrets)
        expect({ path, leaks: text.includes(secret) }).toEqual({ path, leaks: false });
      // Nor anything shaped like an ID number or a mobile number.
      expect({ path, id: /\d{17}[\dX]/.test(text), mobile: /1[3-9]\d{9}/.test(text) }).toEqual({
        path,
        id: false,
        mobile: false,
      });
    }
    const schools = await api().get('/public/counties/450103/schools?stage=PRIMARY_1');
    expect(schools.body[0]).toMatchObject({
      nameZh: expect.any(String),
      address: expect.stringContaining('南宁市'),
      places: expect.any(Number),
      catchmentDescription: expect.any(String),
    });
    const policy = await api().get(
      '/public/counties/450103/policy?stage=PRIMARY_1&seasonYear=2026',
    );
    expect(policy.body).toMatchObject({ countyOwn: false, tiers: expect.any(Array) });
    expect(policy.body.rulesZh[0]).toMatch(/^按以下顺位依次录取:第1顺位/);
    expect((await api().get('/public/counties/999999/schools')).status).toBe(404);
    const refused = await api().get(
      '/public/materials?stage=PRIMARY_1&formType=B&housingType=NONE',
    );
    expect(refused.status).toBe(400);
    expect(refused.body.violations[0]).toMatchObject({ code: 'HOUSING_TYPE_FOR_FORM_B' });
  });

  it('keeps a draft of the guide invisible until it is published, and a new draft behind the published one', async () => {
    const guide = async () =>
      (await api().get('/public/counties/450103/guide')).body as { titleZh: string }[];
    const draft = { titleZh: '报名流程', bodyZh: '第一步:在桂通办填写报名表。', sortOrder: 1 };
    const v1 = await api().put('/admin/content/450103/GUIDE/how-to-apply').set(qingxiu).send(draft);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ version: 1, status: 'DRAFT' });
    expect(await guide()).toEqual([]);

    const published = await api()
      .post('/admin/content/450103/GUIDE/how-to-apply/versions/1/publish')
      .set(qingxiu);
    expect(published.body).toMatchObject({ version: 1, status: 'PUBLISHED' });
    expect(await guide()).toEqual([expect.objectContaining({ titleZh: '报名流程', version: 1 })]);

    const v2 = await api()
      .put('/admin/content/450103/GUIDE/how-to-apply')
      .set(qingxiu)
      .send({ ...draft, titleZh: '报名流程(修订)' });
    expect(v2.body).toMatchObject({ version: 2, status: 'DRAFT' });
    expect(await guide()).toEqual([expect.objectContaining({ titleZh: '报名流程', version: 1 })]);
    await api()
      .post('/admin/content/450103/GUIDE/how-to-apply/versions/2/publish')
      .set(qingxiu)
      .expect(200);
    expect(await guide()).toEqual([
      expect.objectContaining({ titleZh: '报名流程(修订)', version: 2 }),
    ]);

    const versions = await api().get('/admin/content/450103').set(qingxiu);
    expect(
      versions.body.map((v: { version: number; status: string }) => [v.version, v.status]),
    ).toEqual([
      [2, 'PUBLISHED'],
      [1, 'SUPERSEDED'],
    ]);
    expect((await api().get('/public/counties/450103/faq')).body).toEqual([]);
  });

  it('lets no other county’s administrator write, publish or list a county’s content', async () => {
    const draft = { titleZh: '问', bodyZh: '答' };
    expect((await api().put('/admin/content/450103/FAQ/q1').set(qinbei).send(draft)).status).toBe(
      403,
    );
    await api().put('/admin/content/450103/FAQ/q1').set(qingxiu).send(draft).expect(200);
    expect(
      (await api().post('/admin/content/450103/FAQ/q1/versions/1/publish').set(qinbei)).status,
    ).toBe(403);
    expect((await api().get('/admin/content/450103').set(qinbei)).status).toBe(403);
    expect((await api().get('/public/counties/450103/faq')).body).toEqual([]);
  });

  it('shows a round once published, not while it is only drawn', async () => {
    const summary = [
      {
        schoolId: '450103-P01',
        capacity: 360,
        admitted: 2,
        admittedByTier: { '1': 1, '8': 1 },
        bureau: 1,
        cutoff: { tier: 8, qualifyingDate: '2020-01-01', contributionMonths: 14, lottery: 'ab12' },
      },
    ];
    await sut.database.db.admissionRound.create({
      data: {
        id: 'round-public-1',
        countyCode: '450103',
        stage: 'PRIMARY_1',
        seasonYear: 2025,
        mechanism: 'DEFERRED_ACCEPTANCE',
        seed: 'seed',
        seedCommitment: 'commitment',
        algorithm: 'test',
        status: 'DRAWN',
        summary,
        createdBy: 'test',
      },
    });
    expect((await api().get('/public/counties/450103/rounds')).body).toEqual([]);
    await sut.database.db.admissionRound.update({
      where: { id: 'round-public-1' },
      data: { status: 'PUBLISHED' },
    });
    const rounds = await api().get('/public/counties/450103/rounds');
    expect(rounds.body).toEqual([
      expect.objectContaining({
        roundId: 'round-public-1',
        schools: [
          {
            schoolId: '450103-P01',
            nameZh: '南宁市青秀区桃源路小学',
            places: 360,
            admitted: 2,
            admittedByTier: { '1': 1, '8': 1 },
            bureau: 1,
            cutoff: { tier: 8, lottery: 'ab12' },
          },
        ],
      }),
    ]);
    const admissions = await api().get('/reports/450103/PRIMARY_1/2025/admissions').set(qingxiu);
    expect(admissions.body.rows).toEqual([
      expect.objectContaining({
        schoolId: '450103-P01',
        admitted: 2,
        tier1: 1,
        tier8: 1,
        bureau: 1,
      }),
    ]);
  });

  it('answers 304 to an unchanged ETag, and a new ETag once the information changes', async () => {
    const path = '/public/counties/450103/schools?stage=PRIMARY_1';
    const first = await api().get(path);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=300');
    const again = await api().get(path).set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');

    const school = await sut.database.db.school.findUniqueOrThrow({ where: { id: '450103-P01' } });
    await api()
      .put('/admin/schools/450103-P01')
      .set(qingxiu)
      .send({
        countyCode: '450103',
        stage: 'PRIMARY_1',
        nameZh: school.nameZh,
        type: school.type,
        places: school.places + 45,
        catchmentUnits: school.catchmentUnits,
        ...(school.address && { address: school.address }),
        catchmentDescription: school.catchmentDescription,
      })
      .expect(200);
    const changed = await api().get(path).set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body[0].places).toBe(school.places + 45);
  });

  it('counts demand, channels, verification and review as the read model does', async () => {
    const scope = { countyCode: '450103', stage: 'PRIMARY_1' as const, seasonYear: 2026 };
    const report = async (name: string) => {
      const res = await api().get(`/reports/450103/PRIMARY_1/2026/${name}`).set(qingxiu);
      expect(res.status).toBe(200);
      return res.body.rows as Record<string, string | number | null>[];
    };
    const db = sut.database.db;

    const assessments = await db.eligibilityAssessment.findMany({
      where: { application: scope },
      select: { schools: true },
    });
    const firstChoices = new Map<string, number>();
    for (const a of assessments) {
      const first = (a.schools as { schoolId: string }[])[0]!.schoolId;
      firstChoices.set(first, (firstChoices.get(first) ?? 0) + 1);
    }
    const demand = await report('demand');
    expect(demand.map((r) => [r.schoolId, r.firstChoice])).toEqual(
      (
        await db.school.findMany({
          where: { countyCode: '450103', stage: 'PRIMARY_1' },
          orderBy: { id: 'asc' },
        })
      ).map((s) => [s.id, firstChoices.get(s.id) ?? 0]),
    );
    expect(demand.reduce((n, r) => n + (r.firstChoice as number), 0)).toBe(cases.length);

    const channels = await db.application.groupBy({
      by: ['channel', 'formType'],
      where: scope,
      _count: true,
    });
    expect((await report('channels')).map((r) => [r.channel, r.formType, r.cases]).sort()).toEqual(
      channels.map((c) => [c.channel, c.formType, c._count]).sort(),
    );

    const outcomes = await db.verificationResult.groupBy({
      by: ['check', 'outcome'],
      where: { application: scope },
      _count: true,
    });
    const verification = await report('verification');
    for (const o of outcomes)
      expect(verification.find((r) => r.check === o.check)?.[o.outcome]).toBe(o._count);
    expect(verification.reduce((n, r) => n + (r.total as number), 0)).toBe(
      outcomes.reduce((n, o) => n + o._count, 0),
    );

    const review = await report('review');
    const waiting = await db.application.count({ where: { ...scope, status: 'AWAITING_REVIEW' } });
    expect(review.at(-1)).toMatchObject({ day: null, waiting });
    expect(review.reduce((n, r) => n + (r.approved as number), 0)).toBe(
      await db.application.count({ where: { ...scope, status: 'APPROVED' } }),
    );

    // Over the SLA: every stay in review when the county's SLA is a millisecond, none at ten days.
    const stays = await db.applicationEvent.count({
      where: { toStatus: 'AWAITING_REVIEW', application: scope },
    });
    expect(stays).toBeGreaterThan(0);
    const breaches = async (reviewSlaMs: number) => {
      await db.county.update({ where: { code: '450103' }, data: { reviewSlaMs } });
      return (await report('review')).reduce((n, r) => n + (r.slaBreaches as number), 0);
    };
    try {
      expect(await breaches(1)).toBe(stays);
      expect(await breaches(10 * 86_400_000)).toBe(0);
    } finally {
      await db.county.update({ where: { code: '450103' }, data: { reviewSlaMs: null } });
    }

    const csv = await api().get('/reports/450103/PRIMARY_1/2026/demand/csv').set(qingxiu);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('学校编号,学校名称,招生计划,第一志愿人数,填报志愿人数,第一志愿与学位比');
    expect(lines).toHaveLength(demand.length + 1);
  });

  describe('refuses a report outside the caller’s scope', () => {
    const path = '/reports/450103/PRIMARY_1/2026/demand';

    it('to another county’s administrator', async () => {
      expect((await api().get(path).set(qinbei)).status).toBe(403);
    });

    it('to another county’s administrator asking for the CSV', async () => {
      expect((await api().get(`${path}/csv`).set(qinbei)).status).toBe(403);
    });

    it('to a city administrator whose token names the whole region', async () => {
      const region = { Authorization: await sut.auth.admin(['450000']) };
      expect((await api().get(path).set(region)).status).toBe(403);
    });

    it('to the county’s own reviewer', async () => {
      const reviewer = { Authorization: await sut.auth.reviewer(['450103']) };
      expect((await api().get(path).set(reviewer)).status).toBe(403);
    });

    it('to a family', async () => {
      const family = { Authorization: await sut.auth.parent('family-public-0', forms[0]) };
      expect((await api().get(path).set(family)).status).toBe(403);
    });

    it('to a caller without a token', async () => {
      expect((await api().get(path)).status).toBe(401);
    });
  });

  it('limits public reads per address, and leaves health unlimited', async () => {
    let status = 200;
    let sent = 0;
    while (status === 200 && sent <= PUBLIC_LIMIT) {
      status = (await api().get('/public/counties')).status;
      sent += 1;
    }
    expect(status).toBe(429);
    const refused = await api().get(
      '/public/materials?stage=PRIMARY_1&formType=A&housingType=NONE',
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await api().get('/health')).status).toBe(200);
  });
});
