import request from 'supertest';
import { formForFamily, guardianFor, scannedPdf } from '../../src/testing/forms';
import { chinaDay } from '../../src/domain/registration-points';
import { eventually } from '../support/eventually';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

/** Issue 14: offline cases join the family's account; points' bookings and slots administered. */
describe('offline cases claimed by the family; registration points, bookings and slots', () => {
  let sut: Harness;
  let next = 0;
  const families = registryFamilies.filter((f) => f.countyCode === '450103');
  const STRANGER = guardianFor(77);

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
  });
  afterAll(() => sut?.close());

  const as = async (token: Promise<string>) => ({ Authorization: await token });
  const api = () => request(sut.apiUrl);
  const db = () => sut.database.db;
  const staffOf = (point: string, sub = `staff-${point}`) =>
    as(sut.auth.staff(point, [point.slice(0, 6)], sub));

  /** A truthful form entered at 450103-RP01 on the family's behalf: the receipt and the form. */
  async function enteredOffline() {
    const staff = await staffOf('450103-RP01');
    const paper = await api()
      .post('/registration/consent-forms')
      .set(staff)
      .attach('file', scannedPdf(`claim-${next}`), 'signed.pdf');
    const form = formForFamily(families[next++]!, {
      channel: 'OFFLINE',
      consent: {
        dataVerification: true,
        guardianConsentForChild: true,
        paperForm: { documentSha256: paper.body.sha256 },
      },
    });
    const receipt = await api().post('/applications').set(staff).send(form);
    expect(receipt.status).toBe(201);
    return { receipt: receipt.body, form };
  }

  /** What a refusal must not say: anything about the case behind the code. */
  function revealsNothing(body: Record<string, unknown>, applicationNo: string) {
    expect(JSON.stringify(body)).not.toContain(applicationNo);
    expect(JSON.stringify(body)).not.toContain('450103');
    expect(body).toMatchObject({ detail: expect.any(String), detail_zh: expect.any(String) });
  }

  it('links an offline case to the account of a guardian with the code: the family then sees it and answers a supplement', async () => {
    const { receipt, form } = await enteredOffline();
    const no = receipt.applicationNo as string;
    expect(receipt.claim.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const stored = await db().caseClaimCode.findUniqueOrThrow({ where: { applicationNo: no } });
    expect(JSON.stringify(stored)).not.toContain(receipt.claim.code.replace(/-/g, ''));

    const family = await as(sut.auth.parent('family-claims', form));
    expect((await api().get(`/applications/${no}`).set(family)).status).toBe(404);
    // Typed as people type: lower case, spaces for dashes.
    const claimed = await api()
      .post('/applications/claim')
      .set(family)
      .send({ claimCode: receipt.claim.code.toLowerCase().replace(/-/g, ' ') });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ applicationNo: no });
    const mine = await api().get('/applications').set(family);
    expect(mine.body.map((a: { applicationNo: string }) => a.applicationNo)).toContain(no);

    const reviewer = await as(sut.auth.reviewer(['450103']));
    await eventually(async () => {
      const r = await api().get(`/applications/${no}`).set(family);
      return r.body.status === 'AWAITING_REVIEW' ? true : undefined;
    }, `${no} to await review`);
    const asked = await api()
      .post(`/applications/${no}/supplement-request`)
      .set(reviewer)
      .send({ items: ['PROPERTY_CERTIFICATE'], note: '请补充不动产权证书' });
    expect(asked.body.status).toBe('NEEDS_SUPPLEMENT');
    const answered = await api()
      .post(`/applications/${no}/supplement`)
      .set(family)
      .send({ items: [{ item: 'PROPERTY_CERTIFICATE', text: '证书在办理中' }] });
    expect(answered.body).toEqual({ applicationNo: no, status: 'AWAITING_REVIEW' });
    // The platform's notices name the family's account from the claim on, so they reach it.
    const noticed = await eventually(
      () =>
        sut.simulator.callbacks.find(
          (c) => c.body.applicationNo === no && c.body.status === 'NEEDS_SUPPLEMENT',
        ),
      'the supplement request to reach the platform',
    );
    expect(noticed.body.ownerSub).toBe('family-claims');
    const entered = sut.simulator.callbacks.find(
      (c) => c.body.applicationNo === no && c.body.status === 'SUBMITTED',
    );
    expect(entered?.body.ownerSub).toBeNull();

    const audit = await db().auditLog.findMany({ where: { applicationNo: no, action: 'CLAIM' } });
    expect(audit).toEqual([
      expect.objectContaining({ actor: 'parent:family-claims', countyCode: '450103' }),
    ]);

    // The same code again, even from another account of the same guardian: used, once.
    const reused = await api()
      .post('/applications/claim')
      .set(await as(sut.auth.parent('family-claims-2', form)))
      .send({ claimCode: receipt.claim.code });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('CLAIM_CODE_USED');
    revealsNothing(reused.body, no);
  });

  it('refuses a wrong code, an expired code and the right code from someone the form does not name', async () => {
    const { receipt, form } = await enteredOffline();
    const no = receipt.applicationNo as string;
    const family = await as(sut.auth.parent('family-refusals', form));

    const wrong = await api()
      .post('/applications/claim')
      .set(family)
      .send({ claimCode: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({
      code: 'CLAIM_CODE_INVALID',
      detail_zh: expect.stringContaining('认领码无效'),
    });
    revealsNothing(wrong.body, no);

    // Someone else holding the receipt: neither as a parent nor through the platform.
    const thief = await api()
      .post('/applications/claim')
      .set(await as(sut.auth.parent('family-thief', STRANGER.idNumber)))
      .send({ claimCode: receipt.claim.code });
    expect(thief.status).toBe(403);
    expect(thief.body.code).toBe('NOT_THE_GUARDIAN');
    revealsNothing(thief.body, no);
    const viaPlatform = await api()
      .post('/applications/claim')
      .set(await as(sut.auth.platform()))
      .set('X-Family-Token', await sut.auth.family('guitongban-thief', STRANGER.idNumber))
      .send({ claimCode: receipt.claim.code });
    expect(viaPlatform.status).toBe(403);
    expect(
      (await db().application.findUniqueOrThrow({ where: { applicationNo: no } })).ownerSub,
    ).toBeNull();

    await db().caseClaimCode.update({
      where: { applicationNo: no },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await api()
      .post('/applications/claim')
      .set(family)
      .send({ claimCode: receipt.claim.code });
    expect(expired.status).toBe(422);
    expect(expired.body.code).toBe('CLAIM_CODE_EXPIRED');
    revealsNothing(expired.body, no);

    // The point issues a new code (the old one stops working); the family claims through the platform.
    const otherPoint = await api()
      .post(`/registration/cases/${no}/claim-code`)
      .set(await staffOf('450103-RP02'));
    expect(otherPoint.status).toBe(404);
    const fresh = await api()
      .post(`/registration/cases/${no}/claim-code`)
      .set(await staffOf('450103-RP01'));
    expect(fresh.status).toBe(201);
    const platformClaim = await api()
      .post('/applications/claim')
      .set(await as(sut.auth.platform()))
      .set('X-Family-Token', await sut.auth.family('guitongban-family', form))
      .send({ claimCode: fresh.body.code });
    expect(platformClaim.status).toBe(200);
    const seen = await api()
      .get(`/applications/${no}`)
      .set(await as(sut.auth.platform()))
      .set('X-Family-Token', await sut.auth.family('guitongban-family', form));
    expect(seen.status).toBe(200);
    const failures = await db().auditLog.count({
      where: { action: 'claims.claim', result: 'DENIED' },
    });
    expect(failures).toBeGreaterThanOrEqual(2);
  });

  it('limits wrong codes per account', async () => {
    const guesser = await as(sut.auth.parent('family-guesser'));
    const answers = [];
    for (let i = 0; i < sut.config.CLAIM_MAX_FAILURES + 1; i += 1)
      answers.push(
        (
          await api()
            .post('/applications/claim')
            .set(guesser)
            .send({ claimCode: `${i}`.padStart(16, 'A') })
        ).status,
      );
    expect(answers).toEqual([...Array(sut.config.CLAIM_MAX_FAILURES).fill(422), 429]);
  });

  describe('bookings at a point', () => {
    /** A slot of the seeded point starting at least a day from now. */
    async function futureSlot(point = '450103-RP01') {
      const from = chinaDay(new Date(Date.now() + 2 * 86_400_000));
      const slots = await api()
        .get(`/registration-points/${point}/slots?from=${from}&days=2`)
        .set(await as(sut.auth.parent('family-any')));
      return slots.body[0] as { id: string; startsAt: string };
    }

    it('lets staff list and handle their own point’s bookings only', async () => {
      const { receipt, form } = await enteredOffline();
      const family = await as(sut.auth.parent('family-bookings', form));
      await api().post('/applications/claim').set(family).send({ claimCode: receipt.claim.code });
      const slot = await futureSlot();
      const booked = await api()
        .post('/appointments')
        .set(family)
        .send({ slotId: slot.id, applicationNo: receipt.applicationNo });
      expect(booked.status).toBe(201);
      const other = await api()
        .post('/appointments')
        .set(await as(sut.auth.parent('family-bookings-2')))
        .send({ slotId: slot.id });
      expect(other.status).toBe(201);
      // Not one's own case: as if it did not exist.
      const foreign = await api()
        .post('/appointments')
        .set(await as(sut.auth.parent('family-bookings-3')))
        .send({ slotId: slot.id, applicationNo: receipt.applicationNo });
      expect(foreign.status).toBe(404);

      const staff = await staffOf('450103-RP01');
      const day = chinaDay(new Date(slot.startsAt));
      const page1 = await api()
        .get(`/registration-points/450103-RP01/bookings?date=${day}&slotId=${slot.id}&limit=1`)
        .set(staff);
      expect(page1.status).toBe(200);
      expect(page1.body).toMatchObject({ total: 2, nextOffset: 1 });
      expect(page1.body.items[0]).toMatchObject({
        appointmentId: booked.body.appointmentId,
        applicationNo: receipt.applicationNo,
        status: 'BOOKED',
      });
      const page2 = await api()
        .get(
          `/registration-points/450103-RP01/bookings?date=${day}&slotId=${slot.id}&limit=1&offset=1`,
        )
        .set(staff);
      expect(page2.body).toMatchObject({ total: 2, nextOffset: null });

      const elsewhere = await staffOf('450103-RP02');
      expect(
        (await api().get('/registration-points/450103-RP01/bookings').set(elsewhere)).status,
      ).toBe(403);
      const meddling = await api()
        .patch(`/registration-points/450103-RP01/bookings/${booked.body.appointmentId}`)
        .set(elsewhere)
        .send({ status: 'NO_SHOW' });
      expect(meddling.status).toBe(403);
      const viaOwnPoint = await api()
        .patch(`/registration-points/450103-RP02/bookings/${booked.body.appointmentId}`)
        .set(elsewhere)
        .send({ status: 'NO_SHOW' });
      expect(viaOwnPoint.status).toBe(404);

      const attended = await api()
        .patch(`/registration-points/450103-RP01/bookings/${booked.body.appointmentId}`)
        .set(staff)
        .send({ status: 'ATTENDED' });
      expect(attended.body).toEqual({
        appointmentId: booked.body.appointmentId,
        status: 'ATTENDED',
        applicationNo: receipt.applicationNo,
      });
      const twice = await api()
        .patch(`/registration-points/450103-RP01/bookings/${booked.body.appointmentId}`)
        .set(staff)
        .send({ status: 'NO_SHOW' });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('BOOKING_NOT_OPEN');
      const cancelled = await api()
        .patch(`/registration-points/450103-RP01/bookings/${other.body.appointmentId}`)
        .set(staff)
        .send({ status: 'CANCELLED' });
      expect(cancelled.status).toBe(200);
      expect(
        (await db().appointmentSlot.findUniqueOrThrow({ where: { id: slot.id } })).booked,
      ).toBe(1);
      const audited = await db().auditLog.findMany({
        where: { action: 'bookings.handle', result: 'SUCCESS' },
      });
      expect(audited).toHaveLength(2);
      expect(
        await db().auditLog.count({ where: { action: 'bookings.list', result: 'DENIED' } }),
      ).toBe(1);
    });
  });

  describe('administering points and slots', () => {
    const point = '450103-RP09';
    const body = {
      countyCode: '450103',
      kind: 'ADMISSIONS_OFFICE',
      nameZh: '青秀区教育局招生办',
      address: '南宁市青秀区新竹路1号',
      openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        opens: '09:00',
        closes: '11:00',
      })),
      slotMinutes: 60,
      slotCapacity: 2,
    };
    const days = [3, 4].map((d) => chinaDay(new Date(Date.now() + d * 86_400_000)));

    it('keeps each county’s administrators to their own points', async () => {
      const qingxiu = await as(sut.auth.admin(['450103']));
      const qinbei = await as(sut.auth.admin(['450703']));
      const created = await api()
        .put(`/admin/registration-points/${point}`)
        .set(qingxiu)
        .send(body);
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ id: point, slotCapacity: 2, closures: [] });
      expect(
        (await api().put(`/admin/registration-points/${point}`).set(qinbei).send(body)).status,
      ).toBe(403);
      // Nor by claiming it for their own county.
      const moved = await api()
        .put(`/admin/registration-points/${point}`)
        .set(qinbei)
        .send({ ...body, countyCode: '450703' });
      expect(moved.status).toBe(403);
      const closing = await api()
        .put(`/admin/registration-points/${point}/closures/${days[0]}`)
        .set(qinbei)
        .send({ reason: '装修' });
      expect(closing.status).toBe(403);
      const bad = await api()
        .put(`/admin/registration-points/${point}`)
        .set(qingxiu)
        .send({ ...body, openingHours: [{ weekday: 1, opens: '12:00', closes: '09:00' }] });
      expect(bad.status).toBe(400);
      const audited = await db().auditLog.findMany({
        where: { objectType: 'registration-point', objectId: point },
        orderBy: { id: 'asc' },
      });
      // The closure's attempt is audited under its own id (point/day).
      expect(audited.map((a) => a.result)).toEqual(['SUCCESS', 'DENIED', 'DENIED', 'FAILED']);
    });

    it('generates slots from opening hours, skips closed days, and never sets capacity below bookings', async () => {
      const admin = await as(sut.auth.admin(['450103']));
      await api().put(`/admin/registration-points/${point}`).set(admin).send(body);
      const closed = await api()
        .put(`/admin/registration-points/${point}/closures/${days[1]}`)
        .set(admin)
        .send({ reason: '国庆节' });
      expect(closed.status).toBe(200);
      const generated = await api()
        .post(`/admin/registration-points/${point}/slots`)
        .set(admin)
        .send({ from: days[0], to: days[1] });
      expect(generated.status).toBe(201);
      // 09:00–11:00 on the open day: two one-hour slots; none on the closed day.
      expect(generated.body.created).toBe(2);
      expect(generated.body.slots.map((s: { capacity: number }) => s.capacity)).toEqual([2, 2]);
      const again = await api()
        .post(`/admin/registration-points/${point}/slots`)
        .set(admin)
        .send({ from: days[0], to: days[1] });
      expect(again.body.created).toBe(0);

      const slotId = generated.body.slots[0].id as string;
      for (const sub of ['family-slot-1', 'family-slot-2'])
        expect(
          (
            await api()
              .post('/appointments')
              .set(await as(sut.auth.parent(sub)))
              .send({ slotId })
          ).status,
        ).toBe(201);
      const below = await api()
        .patch(`/admin/registration-points/${point}/slots/${slotId}`)
        .set(admin)
        .send({ capacity: 1 });
      expect(below.status).toBe(409);
      expect(below.body).toMatchObject({ code: 'CAPACITY_BELOW_BOOKINGS', booked: 2 });
      const raised = await api()
        .patch(`/admin/registration-points/${point}/slots/${slotId}`)
        .set(admin)
        .send({ capacity: 3 });
      expect(raised.body).toMatchObject({ capacity: 3, booked: 2 });
      const lowered = await api()
        .patch(`/admin/registration-points/${point}/slots/${slotId}`)
        .set(admin)
        .send({ capacity: 2 });
      expect(lowered.body).toMatchObject({ capacity: 2, booked: 2 });
      const full = await api()
        .post('/appointments')
        .set(await as(sut.auth.parent('family-slot-3')))
        .send({ slotId });
      expect(full.body.code).toBe('SLOT_FULL');

      // A day with bookings cannot be closed; an empty one can, and its slots leave the list.
      const busy = await api()
        .put(`/admin/registration-points/${point}/closures/${days[0]}`)
        .set(admin)
        .send({ reason: '停电' });
      expect(busy.status).toBe(409);
      expect(busy.body).toMatchObject({ code: 'BOOKINGS_EXIST', booked: 2 });
      const family = await as(sut.auth.parent('family-slot-4'));
      const freeOn = async () =>
        (await api().get(`/registration-points/${point}/slots?from=${days[0]}&days=1`).set(family))
          .body;
      expect(await freeOn()).toHaveLength(1);
      const secondSlot = generated.body.slots[1].id as string;
      const bookings = await db().appointment.findMany({ where: { slot: { pointId: point } } });
      for (const b of bookings)
        await api()
          .patch(`/registration-points/${point}/bookings/${b.id}`)
          .set(await staffOf(point))
          .send({ status: 'CANCELLED' });
      expect(
        (
          await api()
            .put(`/admin/registration-points/${point}/closures/${days[0]}`)
            .set(admin)
            .send({ reason: '停电' })
        ).status,
      ).toBe(200);
      expect(await freeOn()).toEqual([]);
      const refused = await api().post('/appointments').set(family).send({ slotId: secondSlot });
      expect(refused.body.code).toBe('SLOT_FULL');
      expect(
        (await api().delete(`/admin/registration-points/${point}/closures/${days[0]}`).set(admin))
          .status,
      ).toBe(204);
      expect(await freeOn()).toHaveLength(2);
    });
  });
});
