import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { signAccessToken, signFamilyToken } from '../../src/auth/jwt';
import { createApiApp } from '../../src/api/create-app';
import { accessTokenSettings, familyTokenSettings } from '../../src/config/config';
import {
  applicantListHash,
  LOTTERY_ALGORITHM,
  seedCommitment,
} from '../../src/domain/allocation/lottery';
import { formForFamily } from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';
import { postTextFields } from '../support/multipart-flood';

/**
 * The most a 300 MB flood may leave this process holding. The API shares the process with the
 * worker and its cases, whose own growth while the flood streams (a busy CI run measured 78 MB)
 * counts too; a flood read into memory would hold 300 MB, far beyond this.
 */
const FLOOD_HELD_BELOW_BYTES = 128 * 1024 * 1024;

const pdf = (bytes: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes, 0x20), Buffer.from('\n%%EOF\n')]);

/** Issue 13's exhaustion attacks, each of which must now fail. */
describe('limits: no one account can exhaust the service', () => {
  let sut: Harness;
  let family: Record<string, string>;
  let reviewer: Record<string, string>;
  let next = 10;

  beforeAll(async () => {
    sut = await startHarness({
      workflowBundle: await bundleWorkflows(),
      env: {
        UPLOAD_MAX_FILES_PER_CASE: '3',
        UPLOAD_MAX_BYTES_PER_CASE: '10000',
        APPOINTMENT_MAX_LIVE_BOOKINGS: '2',
      },
    });
    family = { Authorization: await sut.auth.parent('family-limits') };
    reviewer = { Authorization: await sut.auth.reviewer(['450103'], 'reviewer-limits') };
  });
  afterAll(() => sut?.close());

  const api = () => request(sut.apiUrl);
  const bearer = async (role: 'AUDITOR' | 'CITY_ADMIN', counties: string[]) => ({
    Authorization: `Bearer ${await signAccessToken(
      { role, sub: `${role.toLowerCase()}-limits`, counties },
      accessTokenSettings(sut.config),
    )}`,
  });

  async function awaitingReview(): Promise<string> {
    const form = formForFamily(registryFamilies.filter((f) => f.countyCode === '450103')[next++]!);
    const created = await api()
      .post('/applications')
      .set({ Authorization: await sut.auth.parent('family-limits', form) })
      .send(form);
    expect(created.status).toBe(201);
    const no = created.body.applicationNo as string;
    await eventually(
      async () =>
        (await sut.database.db.application.findUniqueOrThrow({ where: { applicationNo: no } }))
          .status === 'AWAITING_REVIEW' || undefined,
      `${no} to await review`,
    );
    return no;
  }

  const upload = (no: string, content: Buffer, who = family) =>
    api().post(`/applications/${no}/attachments`).set(who).attach('file', content, 'doc.pdf');

  describe('uploads', () => {
    let no: string;
    beforeAll(async () => {
      no = await awaitingReview();
    });

    it('refuses an upload while no supplement request is open (409 naming the rule)', async () => {
      const refused = await upload(no, pdf(100));
      expect(refused.status).toBe(409);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({
        code: 'UPLOAD_NOT_OPEN',
        rule: 'UPLOAD_ONLY_WHILE_SUPPLEMENT_REQUESTED',
        currentStatus: 'AWAITING_REVIEW',
        detail_zh: expect.stringMatching(/[\u4e00-\u9fff]/),
      });
      expect(await sut.database.db.attachment.count({ where: { applicationNo: no } })).toBe(0);
    });

    it('rejects 300 one-megabyte text fields without reading them into memory, and a stranger before the body', async () => {
      const asked = await api()
        .post(`/applications/${no}/supplement-request`)
        .set(reviewer)
        .send({ items: ['HUKOU_BOOKLET'] });
      expect(asked.body.status).toBe('NEEDS_SUPPLEMENT');

      const flood = await postTextFields(`${sut.apiUrl}/applications/${no}/attachments`, {
        authorization: family.Authorization!,
        fields: 300,
        fieldBytes: 1024 * 1024,
      });
      expect(flood.status).toBe(400);
      expect(flood.body.violations?.[0]).toMatchObject({ code: 'UPLOAD_FILE_ONLY' });
      // Accepted, the fields alone would be 300 MB.
      expect(flood.heldGrowthBytes).toBeLessThan(FLOOD_HELD_BELOW_BYTES);

      const stranger = await postTextFields(`${sut.apiUrl}/applications/${no}/attachments`, {
        authorization: await sut.auth.parent('family-stranger'),
        fields: 300,
        fieldBytes: 1024 * 1024,
      });
      expect(stranger.status).toBe(404);
      expect(stranger.heldGrowthBytes).toBeLessThan(FLOOD_HELD_BELOW_BYTES);
    });

    it('keeps each case within its quota of documents and bytes', async () => {
      expect((await upload(no, pdf(4000))).status).toBe(201);
      expect((await upload(no, pdf(4001))).status).toBe(201);
      // About 2 kB of the 10 kB are left: a 4 kB document stops while it streams in.
      const tooMuch = await upload(no, pdf(4002));
      expect(tooMuch.status).toBe(409);
      expect(tooMuch.body).toMatchObject({
        code: 'UPLOAD_QUOTA_EXCEEDED',
        rule: 'UPLOAD_QUOTA_PER_CASE',
        maxFiles: 3,
        maxBytes: 10000,
      });
      expect((await upload(no, pdf(10))).status).toBe(201);
      // Three documents: the fourth is refused before its body is read.
      const fourth = await upload(no, pdf(11));
      expect(fourth.status).toBe(409);
      expect(fourth.body.code).toBe('UPLOAD_QUOTA_EXCEEDED');
      expect(await sut.database.db.attachment.count({ where: { applicationNo: no } })).toBe(3);
    });
  });

  it("rejects 300 one-megabyte text fields on a registration point's paper-consent upload without reading them into memory", async () => {
    const flood = await postTextFields(`${sut.apiUrl}/registration/consent-forms`, {
      authorization: await sut.auth.staff('450103-RP01', ['450103']),
      fields: 300,
      fieldBytes: 1024 * 1024,
    });
    expect(flood.status).toBe(400);
    expect(flood.body.violations?.[0]).toMatchObject({ code: 'UPLOAD_FILE_ONLY' });
    expect(flood.heldGrowthBytes).toBeLessThan(FLOOD_HELD_BELOW_BYTES);
  });

  it('caps the live bookings of a family; a cancellation frees one', async () => {
    const slots = await api().get('/registration-points/450103-RP01/slots?days=14').set(family);
    const free = (slots.body as { id: string; free: number }[]).filter((s) => s.free > 0);
    expect(free.length).toBeGreaterThanOrEqual(3);
    const book = (slotId: string) => api().post('/appointments').set(family).send({ slotId });
    const first = await book(free[0]!.id);
    expect(first.status).toBe(201);
    expect((await book(free[1]!.id)).status).toBe(201);
    const third = await book(free[2]!.id);
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({
      code: 'BOOKING_LIMIT',
      rule: 'LIVE_BOOKINGS_PER_FAMILY',
      maxLiveBookings: 2,
    });
    expect(
      (await api().delete(`/appointments/${first.body.appointmentId}`).set(family)).status,
    ).toBe(204);
    expect((await book(free[2]!.id)).status).toBe(201);
  });

  it('verifies a round for its administrators and auditors only, once per version of the round', async () => {
    const seed = 'c0ffee'.repeat(10);
    const roundId = randomUUID();
    await sut.database.db.admissionRound.create({
      data: {
        id: roundId,
        countyCode: '450103',
        stage: 'PRIMARY_1',
        seasonYear: 2026,
        mechanism: 'DEFERRED_ACCEPTANCE',
        seed,
        seedCommitment: seedCommitment(seed),
        algorithm: LOTTERY_ALGORITHM,
        status: 'DRAWN',
        applicantListHash: applicantListHash([]),
        schools: [],
        createdBy: 'city_admin:test',
      },
    });
    const verify = (who: Record<string, string>) => api().get(`/rounds/${roundId}/verify`).set(who);

    const parent = await verify(family);
    expect(parent.status).toBe(403);
    expect(parent.headers['content-type']).toContain('application/problem+json');
    expect((await verify(await bearer('CITY_ADMIN', ['450703']))).status).toBe(403);

    const admin = await bearer('CITY_ADMIN', ['450103']);
    const first = await verify(admin);
    expect(first.body).toMatchObject({ verdict: 'MATCH', differences: [] });
    expect(first.headers['cache-status']).toContain('miss');
    const second = await verify(await bearer('AUDITOR', ['450103']));
    expect(second.body).toEqual(first.body);
    expect(second.headers['cache-status']).toBe('gx-enrolment; hit');

    await sut.database.db.admissionRound.update({
      where: { id: roundId },
      data: { seedCommitment: '0'.repeat(64) },
    });
    const tampered = await verify(admin);
    expect(tampered.body.verdict).toBe('MISMATCH');
    expect(tampered.headers['cache-status']).toContain('miss');
  });

  describe('request rates', () => {
    let tight: NestExpressApplication;
    let tightUrl: string;
    beforeAll(async () => {
      // A second API on the same service, with three reads a principal, six an address.
      tight = await createApiApp({
        config: { ...sut.config, RATE_LIMIT_READ: 3, RATE_LIMIT_IP_FACTOR: 2 },
        temporal: sut.temporal,
        db: sut.database.db,
      });
      await tight.listen(0, '127.0.0.1');
      tightUrl = (await tight.getUrl()).replace('[::1]', '127.0.0.1');
    });
    afterAll(() => tight?.close());

    it('answers 429 with Retry-After once a principal, then an address, is past its limit', async () => {
      const a = await sut.auth.parent('family-rate-a');
      const b = await sut.auth.parent('family-rate-b');
      const read = (token: string) =>
        request(tightUrl).get('/applications').set('Authorization', token);
      for (let i = 0; i < 3; i += 1) expect((await read(a)).status).toBe(200);
      const refused = await read(a);
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.body).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        retryAfterSeconds: retryAfter,
        detail_zh: expect.stringMatching(/[\u4e00-\u9fff]/),
      });
      // Another class of route still answers the same principal.
      const write = await request(tightUrl)
        .post('/applications/2026-450103-000001-0/withdraw')
        .set('Authorization', a)
        .send({});
      expect(write.status).toBe(404);

      // The address has made 4 of its 6 reads (a's, the refused one too): b gets two, then none.
      for (let i = 0; i < 2; i += 1) expect((await read(b)).status).toBe(200);
      const address = await read(b);
      expect(address.status).toBe(429);
      expect(address.headers['retry-after']).toBeDefined();
    });
  });

  describe('request rates on the platform channel', () => {
    let gatewayed: NestExpressApplication;
    let gatewayedUrl: string;
    beforeAll(async () => {
      // Two reads a family, eight for the platform as a whole, two an address but for the
      // gateway's: this test's own address stands for the platform gateway.
      gatewayed = await createApiApp({
        config: {
          ...sut.config,
          RATE_LIMIT_READ: 2,
          RATE_LIMIT_PLATFORM_FACTOR: 4,
          RATE_LIMIT_IP_FACTOR: 1,
          RATE_LIMIT_GATEWAY_ADDRESSES: '127.0.0.1',
        },
        temporal: sut.temporal,
        db: sut.database.db,
      });
      await gatewayed.listen(0, '127.0.0.1');
      gatewayedUrl = (await gatewayed.getUrl()).replace('[::1]', '127.0.0.1');
    });
    afterAll(() => gatewayed?.close());

    it("gives each family the platform vouches for its own budget, within the platform's overall one", async () => {
      const platform = await sut.auth.platform('guitongban-limits');
      const read = (familyToken?: string) => {
        const sent = request(gatewayedUrl).get('/applications').set('Authorization', platform);
        return familyToken === undefined ? sent : sent.set('X-Family-Token', familyToken);
      };
      const [a, b, c, d] = await Promise.all(
        ['a', 'b', 'c', 'd'].map((f) => sut.auth.family(`guitongban-family-rate-${f}`)),
      );
      const expectRefused = (refused: request.Response) => {
        expect(refused.status).toBe(429);
        expect(refused.body).toMatchObject({
          code: 'TOO_MANY_REQUESTS',
          retryAfterSeconds: Number(refused.headers['retry-after']),
        });
        expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      };
      const since = (await sut.database.db.auditLog.findFirst({ orderBy: { id: 'desc' } }))?.id;

      // Family a spends its two reads; the platform has made 2 of its 8.
      for (let i = 0; i < 2; i += 1) expect((await read(a)).status).toBe(200);
      expectRefused(await read(a));
      // Family b still gets through, though the address is past its two: it is the gateway's.
      expect((await read(b)).status).toBe(200);

      // The platform acting as itself is one principal with a principal's budget (2 more: 5 of 8),
      // and a family token that does not verify counts as the platform itself, not a new family.
      for (let i = 0; i < 2; i += 1) expect((await read()).status).toBe(200);
      expectRefused(await read());
      const forged = await signFamilyToken(
        { sub: 'guitongban-family-rate-forged' },
        { ...familyTokenSettings(sut.config), secret: 'not-the-platform-secret-0123456789abcdef' },
      );
      expectRefused(await read(forged));

      // b's second read and c's two fill the platform's 8: a family with reads left is refused.
      expect((await read(b)).status).toBe(200);
      for (let i = 0; i < 2; i += 1) expect((await read(c)).status).toBe(200);
      expectRefused(await read(d));

      // Each refusal's row names the budget that refused it, and no family.
      const rows = await sut.database.db.auditLog.findMany({
        where: { id: { gt: since ?? 0n }, actor: 'platform:guitongban-limits', result: 'DENIED' },
        orderBy: { id: 'asc' },
      });
      expect(rows.map((r) => r.details)).toEqual([
        expect.objectContaining({ limiter: 'family', rateClass: 'read', limit: 2 }),
        expect.objectContaining({ limiter: 'principal', rateClass: 'read', limit: 2 }),
        expect.objectContaining({ limiter: 'platform', rateClass: 'read', limit: 8 }),
      ]);
      expect(
        JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
      ).not.toContain('guitongban-family-rate');
    });
  });
});
