import request from 'supertest';
import { verifyAuditChain } from '../../src/db/audit-chain';
import { formForFamily } from '../../src/testing/forms';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

const COUNTY = '450103';

describe('the audit trail: reads, writes and refusals, and the AUDITOR who reads it', () => {
  let sut: Harness;
  let family: Record<string, string>;
  let stranger: Record<string, string>;
  let reviewer: Record<string, string>;
  let auditor: Record<string, string>;
  let no: string;
  let submittedAt: Date;
  const api = () => request(sut.apiUrl);
  const familyOfCase = registryFamilies.filter((f) => f.countyCode === COUNTY)[5]!;
  const rowsOf = (where: Record<string, unknown>) =>
    sut.database.db.auditLog.findMany({ where, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
    family = {
      Authorization: await sut.auth.parent('family-audited', formForFamily(familyOfCase)),
    };
    stranger = { Authorization: await sut.auth.parent('family-stranger') };
    reviewer = { Authorization: await sut.auth.reviewer([COUNTY], 'reviewer-audited') };
    auditor = { Authorization: await sut.auth.auditor([COUNTY]) };
    submittedAt = new Date();
    const created = await api()
      .post('/applications')
      .set(family)
      .set('x-request-id', 'client-submit-1')
      .send(formForFamily(familyOfCase));
    expect(created.status).toBe(201);
    no = created.body.applicationNo as string;
  });
  afterAll(() => sut?.close());

  it('records a submission with the server request id, the client id kept apart, and the source', async () => {
    const [row] = await rowsOf({ action: 'applications.submit', objectId: no });
    expect(row).toMatchObject({
      actor: 'parent:family-audited',
      role: 'PARENT',
      result: 'SUCCESS',
      statusCode: 201,
      objectType: 'application',
      countyCode: COUNTY,
      clientRequestId: 'client-submit-1',
      sourceAddress: expect.stringMatching(/127\.0\.0\.1$/),
    });
    expect(row!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("records a read of a family's case, and of the review queue", async () => {
    const view = await api().get(`/applications/${no}`).set(family);
    expect(view.status).toBe(200);
    expect(await rowsOf({ action: 'applications.get', objectId: no })).toEqual([
      expect.objectContaining({
        actor: 'parent:family-audited',
        result: 'SUCCESS',
        countyCode: COUNTY,
        requestId: view.headers['x-request-id'],
        clientRequestId: null,
      }),
    ]);
    await api().get('/review/queue').set(reviewer).expect(200);
    expect(await rowsOf({ action: 'review.queue', actor: 'reviewer:reviewer-audited' })).toEqual([
      expect.objectContaining({ result: 'SUCCESS', countyCode: COUNTY }),
    ]);
  });

  it('records refused attempts: another family (404 by scope), no token (401), the wrong role (403)', async () => {
    await api().get(`/applications/${no}`).set(stranger).expect(404);
    await api().get(`/applications/${no}`).expect(401);
    await api().get('/review/queue').set(family).expect(403);
    expect(await rowsOf({ result: 'DENIED', objectId: no })).toEqual([
      expect.objectContaining({
        actor: 'parent:family-stranger',
        action: 'applications.get',
        statusCode: 404,
        countyCode: COUNTY,
      }),
      expect.objectContaining({ actor: 'anonymous', role: 'ANONYMOUS', statusCode: 401 }),
    ]);
    expect(await rowsOf({ result: 'DENIED', action: 'review.queue' })).toEqual([
      expect.objectContaining({ actor: 'parent:family-audited', statusCode: 403 }),
    ]);
  });

  it('records an administrator changing a school, and one refused outside their county', async () => {
    const school = {
      countyCode: COUNTY,
      stage: 'PRIMARY_1',
      nameZh: '南宁市青秀区审计小学',
      type: 'PUBLIC',
      places: 90,
      catchmentUnits: ['450103-C09'],
      location: { x: 10, y: 20 },
    };
    const nanning = { Authorization: await sut.auth.admin([COUNTY]) };
    const qinzhou = { Authorization: await sut.auth.admin(['450703']) };
    await api().put('/admin/schools/450103-P09').set(nanning).send(school).expect(200);
    await api().put('/admin/schools/450103-P09').set(qinzhou).send(school).expect(403);
    expect(await rowsOf({ action: 'admin.school', objectId: '450103-P09' })).toEqual([
      expect.objectContaining({
        actor: 'city_admin:city-admin-1',
        objectType: 'school',
        result: 'SUCCESS',
        statusCode: 200,
        countyCode: COUNTY,
      }),
      // The attempt is at a school of this county: its auditors see it.
      expect.objectContaining({ result: 'DENIED', statusCode: 403, countyCode: COUNTY }),
    ]);
  });

  it('lets an AUDITOR filter the rows of their county, page them on the server, and export CSV', async () => {
    const page = await api().get('/audit/events').query({ objectId: no }).set(auditor);
    expect(page.status).toBe(200);
    const actions = (page.body.items as { action: string; result: string }[]).map(
      (i) => `${i.action}:${i.result}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'applications.submit:SUCCESS',
        'applications.get:SUCCESS',
        'applications.get:DENIED',
      ]),
    );
    const denied = await api()
      .get('/audit/events')
      .query({ objectId: no, result: 'DENIED', actor: 'parent:family-stranger' })
      .set(auditor);
    expect(denied.body.items).toEqual([
      expect.objectContaining({ action: 'applications.get', statusCode: 404 }),
    ]);
    const later = await api()
      .get('/audit/events')
      .query({ objectId: no, from: new Date(Date.now() + 60_000).toISOString() })
      .set(auditor);
    expect(later.body.items).toEqual([]);
    const since = await api()
      .get('/audit/events')
      .query({ action: 'applications.submit', from: submittedAt.toISOString() })
      .set(auditor);
    expect(since.body.items.map((i: { objectId: string }) => i.objectId)).toEqual([no]);

    const first = await api().get('/audit/events').query({ objectId: no, limit: 1 }).set(auditor);
    expect(first.body.items).toHaveLength(1);
    const second = await api()
      .get('/audit/events')
      .query({ objectId: no, limit: 1, before: first.body.nextBefore })
      .set(auditor);
    expect(BigInt(second.body.items[0].id)).toBeLessThan(BigInt(first.body.items[0].id));

    // Another county's auditor sees none of this county's rows; the region's sees them all,
    // those of no county (an anonymous attempt) too.
    const qinzhou = { Authorization: await sut.auth.auditor(['450703'], 'auditor-qinzhou') };
    const foreign = await api().get('/audit/events').query({ objectId: no }).set(qinzhou);
    expect(foreign.body.items).toEqual([]);
    await api().get('/audit/events').query({ countyCode: COUNTY }).set(qinzhou).expect(403);
    const region = { Authorization: await sut.auth.auditor(['450000'], 'auditor-region') };
    const anonymous = await api()
      .get('/audit/events')
      .query({ objectId: no, actor: 'anonymous' })
      .set(region);
    expect(anonymous.body.items).toHaveLength(1);

    const csv = await api()
      .get('/audit/events/csv')
      .query({ objectId: no, result: 'SUCCESS' })
      .set(auditor);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,occurredAt,actor,role,countyCode,action,result,/);
    expect(lines.slice(1).some((l) => l.includes('applications.submit'))).toBe(true);
    expect(lines.slice(1).every((l) => l.includes(',SUCCESS,'))).toBe(true);

    // Reading the audit log is audited too.
    expect(await rowsOf({ action: 'auditLog.export', actor: 'auditor:auditor-1' })).toHaveLength(1);
  });

  it.each([
    ['REGION_ADMIN', () => sut.auth.regionAdmin()],
    ['OPERATOR', () => sut.auth.operator([COUNTY])],
    ['REVIEWER', () => sut.auth.reviewer([COUNTY])],
  ])('refuses the audit log to %s (403), and records the attempt', async (role, token) => {
    const caller = { Authorization: await token() };
    await api().get('/audit/events').set(caller).expect(403);
    await api().get('/audit/events/csv').set(caller).expect(403);
    expect(
      await rowsOf({ role, action: { startsWith: 'auditLog.' }, result: 'DENIED' }),
    ).toHaveLength(2);
  });

  it('keeps personal data out of the rows, and the chain intact', async () => {
    const all = JSON.stringify(await sut.database.db.auditLog.findMany(), (_k, v: unknown) =>
      typeof v === 'bigint' ? String(v) : v,
    );
    const personal = [
      familyOfCase.child.idNumber,
      familyOfCase.child.name,
      ...familyOfCase.guardians.flatMap((g) => [g.idNumber, g.name]),
    ];
    expect(personal.filter((p) => all.includes(p))).toEqual([]);
    expect((await verifyAuditChain(sut.database.url)).broken).toBeUndefined();
  });
});
