import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApiApp } from '../../src/api/create-app';
import type { Config } from '../../src/config/config';
import { IntakeRepository } from '../../src/db/intake-repository';
import { formForFamily } from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import {
  bundleWorkflows,
  registryFamilies,
  startHarness,
  TEST_LIVE_CASES_PER_ACCOUNT,
  type Harness,
} from '../support/harness';
import { postTextFields } from '../support/multipart-flood';

/**
 * Issue 13: a request refused by a limit leaves an audit row, as a 401 or a 403 does: who (or,
 * before the token is read, from where), which route, DENIED with the status and the rule, and
 * nothing personal. One test per kind of limit: the rate limits, the upload limits, admission
 * control and the per-account cap of live cases.
 */
describe('refused attempts by the limits are audited', () => {
  let sut: Harness;
  const others: NestExpressApplication[] = [];
  const families = registryFamilies.filter((f) => f.countyCode === '450103').slice(20, 26);
  const personal = families.flatMap((f) => [
    f.child.idNumber,
    f.child.name,
    ...f.guardians.flatMap((g) => [g.idNumber, g.name]),
    '13800138000',
  ]);

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
  });
  afterAll(async () => {
    for (const app of others) await app.close();
    await sut?.close();
  });

  /** Another API on the same service, with its own limits. */
  async function apiWith(limits: Partial<Config>): Promise<string> {
    const app = await createApiApp({
      config: { ...sut.config, ...limits },
      temporal: sut.temporal,
      db: sut.database.db,
    });
    others.push(app);
    await app.listen(0, '127.0.0.1');
    return (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }

  const submit = async (url: string, index: number, sub: string) => {
    const form = formForFamily(families[index]!);
    return request(url)
      .post('/applications')
      .set({ Authorization: await sut.auth.parent(sub, form) })
      .send(form);
  };

  /** The rows written since `after` (an id), oldest first. */
  const rowsSince = async (after: bigint) =>
    sut.database.db.auditLog.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' } });
  const lastId = async () =>
    (await sut.database.db.auditLog.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0n;
  const refusals = async (after: bigint) =>
    (await rowsSince(after)).filter((r) => r.result !== 'SUCCESS');

  function expectNothingPersonal(rows: readonly object[]) {
    const text = JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    expect(personal.filter((value) => text.includes(value))).toEqual([]);
  }

  it('records a rate-limit refusal, by principal and by address, once a window per key', async () => {
    // One read a principal, two an address, a minute's window.
    const url = await apiWith({ RATE_LIMIT_READ: 1, RATE_LIMIT_IP_FACTOR: 2 });
    const read = async (sub: string) =>
      request(url)
        .get('/applications')
        .set({ Authorization: await sut.auth.parent(sub) });
    const before = await lastId();
    expect((await read('family-rate-a')).status).toBe(200);
    // a's second read: the address has room, a has not.
    expect((await read('family-rate-a')).status).toBe(429);
    // b's reads: the address is at its two, refused before the token is read.
    expect((await read('family-rate-b')).status).toBe(429);
    expect((await read('family-rate-b')).status).toBe(429);

    const rows = await refusals(before);
    const common = {
      action: 'applications.listMine',
      result: 'DENIED',
      statusCode: 429,
      reason: 'RATE_LIMIT',
      sourceAddress: expect.stringContaining('127.0.0.1'),
      requestId: expect.any(String),
    };
    expect(rows).toEqual([
      expect.objectContaining({
        ...common,
        actor: 'parent:family-rate-a',
        role: 'PARENT',
        details: {
          limiter: 'principal',
          rateClass: 'read',
          limit: 1,
          windowMs: 60_000,
          refusedUnrecordedBefore: 0,
        },
      }),
      expect.objectContaining({
        ...common,
        actor: 'anonymous',
        role: 'ANONYMOUS',
        details: {
          limiter: 'address',
          rateClass: 'read',
          limit: 2,
          windowMs: 60_000,
          refusedUnrecordedBefore: 0,
        },
      }),
    ]);
  });

  it('records uploads refused by the upload limits: none open, and text fields sent in place of a file', async () => {
    const family = { Authorization: await sut.auth.parent('family-upload') };
    const created = await submit(sut.apiUrl, 0, 'family-upload');
    expect(created.status).toBe(201);
    const no = created.body.applicationNo as string;
    await eventually(
      async () =>
        (await sut.database.db.application.findUniqueOrThrow({ where: { applicationNo: no } }))
          .status === 'AWAITING_REVIEW' || undefined,
      `${no} to await review`,
    );
    const before = await lastId();
    const notOpen = await request(sut.apiUrl)
      .post(`/applications/${no}/attachments`)
      .set(family)
      .attach('file', Buffer.from('%PDF-1.7\n%%EOF\n'), 'doc.pdf');
    expect(notOpen.status).toBe(409);

    const asked = await request(sut.apiUrl)
      .post(`/applications/${no}/supplement-request`)
      .set({ Authorization: await sut.auth.reviewer(['450103'], 'reviewer-refusals') })
      .send({ items: ['HUKOU_BOOKLET'] });
    expect(asked.body.status).toBe('NEEDS_SUPPLEMENT');
    const fields = await postTextFields(`${sut.apiUrl}/applications/${no}/attachments`, {
      authorization: family.Authorization,
      fields: 3,
      fieldBytes: 100,
    });
    expect(fields.status).toBe(400);

    const rows = (await refusals(before)).filter((r) => r.action === 'applications.upload');
    const common = {
      actor: 'parent:family-upload',
      role: 'PARENT',
      result: 'DENIED',
      objectType: 'application',
      objectId: no,
      countyCode: '450103',
    };
    expect(rows).toEqual([
      expect.objectContaining({ ...common, statusCode: 409, reason: 'UPLOAD_NOT_OPEN' }),
      expect.objectContaining({ ...common, statusCode: 400, reason: 'UPLOAD_LIMIT_FIELD_COUNT' }),
    ]);
    expectNothingPersonal(rows);
  });

  it('records a submission refused by admission control (429 AT_CAPACITY)', async () => {
    // A bound of one case waiting for verification; the cases of the tests above are past it.
    const url = await apiWith({ ADMISSION_MAX_BACKLOG: 1, ADMISSION_BACKLOG_REFRESH_MS: 0 });
    await sut.stopWorker();
    try {
      expect((await submit(sut.apiUrl, 1, 'family-capacity-1')).status).toBe(201);
      const before = await lastId();
      const refused = await submit(url, 2, 'family-capacity-2');
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('AT_CAPACITY');
      const rows = await refusals(before);
      expect(rows).toEqual([
        expect.objectContaining({
          actor: 'parent:family-capacity-2',
          action: 'applications.submit',
          result: 'DENIED',
          statusCode: 429,
          reason: 'AT_CAPACITY',
          countyCode: '450103',
        }),
      ]);
      expectNothingPersonal(rows);
    } finally {
      await sut.startWorker();
    }
  });

  it('records a submission refused by the per-account cap of live cases (409 LIVE_CASE_LIMIT)', async () => {
    const intake = new IntakeRepository(sut.database.db);
    await intake.setLiveCasesPerAccount(1);
    try {
      expect((await submit(sut.apiUrl, 3, 'family-cap')).status).toBe(201);
      const before = await lastId();
      const refused = await submit(sut.apiUrl, 4, 'family-cap');
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('LIVE_CASE_LIMIT');
      const rows = await refusals(before);
      expect(rows).toEqual([
        expect.objectContaining({
          actor: 'parent:family-cap',
          action: 'applications.submit',
          result: 'DENIED',
          statusCode: 409,
          reason: 'LIVE_CASE_LIMIT',
        }),
      ]);
      expectNothingPersonal(rows);
    } finally {
      await intake.setLiveCasesPerAccount(TEST_LIVE_CASES_PER_ACCOUNT);
    }
  });
});
