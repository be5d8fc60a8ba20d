import request from 'supertest';
import { beijingTime } from '../../src/domain/registration-window';
import { formFor, offlineFormFor, scannedPdf } from '../../src/testing/forms';
import { bundleWorkflows, registryPeople, startHarness, type Harness } from '../support/harness';

const DAY = 24 * 60 * 60 * 1000;

describe('registration windows hold at submission', () => {
  let sut: Harness;
  let staff: Record<string, string>;
  let admin: Record<string, string>;
  let next = 0;
  const child = () => registryPeople[next++]!;

  beforeAll(async () => {
    // The production rule, set explicitly: a county without a window accepts nothing.
    sut = await startHarness({
      workflowBundle: await bundleWorkflows(),
      env: { REGISTRATION_WITHOUT_WINDOW: 'refuse' },
    });
    staff = { Authorization: await sut.auth.staff('450103-RP01', ['450103'], 'staff-late') };
    admin = { Authorization: await sut.auth.admin(['450103']) };
  });
  afterAll(() => sut?.close());

  const api = () => request(sut.apiUrl);
  /** The family's account, as the guardian the form names, submits it. */
  const asFamily = async (form: Record<string, unknown>) => ({
    Authorization: await sut.auth.parent('family-window', form),
  });
  const setWindow = (opensAt: Date, closesAt: Date) =>
    api()
      .put('/admin/registration-windows/450103/PRIMARY_1/2026')
      .set(admin)
      .send({ opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() })
      .expect(200);

  it('refuses every submission while the county has no window', async () => {
    const refusedForm = formFor(child());
    const refused = await api()
      .post('/applications')
      .set(await asFamily(refusedForm))
      .send(refusedForm);
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      code: 'NO_REGISTRATION_WINDOW',
      detail_zh: expect.stringContaining('尚未公布'),
    });
  });

  it('refuses before the window opens, naming its dates in both languages', async () => {
    const opensAt = new Date(Date.now() + DAY);
    const closesAt = new Date(Date.now() + 10 * DAY);
    await setWindow(opensAt, closesAt);
    const refusedForm = formFor(child());
    const refused = await api()
      .post('/applications')
      .set(await asFamily(refusedForm))
      .send(refusedForm);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'REGISTRATION_NOT_OPEN',
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      detail: expect.stringContaining(`from ${beijingTime(opensAt)} to ${beijingTime(closesAt)}`),
      detail_zh: expect.stringContaining(`${beijingTime(opensAt)} 至 ${beijingTime(closesAt)}`),
    });
  });

  it('takes submissions while the window is open', async () => {
    await setWindow(new Date(Date.now() - DAY), new Date(Date.now() + DAY));
    const takenForm = formFor(child());
    const taken = await api()
      .post('/applications')
      .set(await asFamily(takenForm))
      .send(takenForm);
    expect(taken.status).toBe(201);
  });

  it('after it closes, refuses families and reasonless staff, and takes a late entry from staff with a reason, audited', async () => {
    const closesAt = new Date(Date.now() - DAY);
    await setWindow(new Date(Date.now() - 10 * DAY), closesAt);
    const lateForm = formFor(child());
    const late = await api()
      .post('/applications')
      .set(await asFamily(lateForm))
      .send(lateForm);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      code: 'REGISTRATION_CLOSED',
      closesAt: closesAt.toISOString(),
      detail_zh: expect.stringContaining('报名已截止'),
    });

    const withReason = formFor(child(), { lateEntryReason: '忘记报名' });
    const familyWithReason = await api()
      .post('/applications')
      .set(await asFamily(withReason))
      .send(withReason);
    expect(familyWithReason.status).toBe(400);
    expect(familyWithReason.body.violations[0]).toMatchObject({ path: 'lateEntryReason' });

    // An offline entry rests on the guardian's signed paper consent, uploaded first.
    const offline = async (label: string, extra: Record<string, unknown> = {}) => {
      const paper = await api()
        .post('/registration/consent-forms')
        .set(staff)
        .attach('file', scannedPdf(label), 'signed.pdf');
      expect(paper.status).toBe(201);
      return offlineFormFor(child(), paper.body.sha256 as string, extra);
    };
    const reasonless = await api()
      .post('/applications')
      .set(staff)
      .send(await offline('late-reasonless'));
    expect(reasonless.status).toBe(409);
    expect(reasonless.body.code).toBe('REGISTRATION_CLOSED');

    const reason = '家长外出务工,返乡后到报名点补报';
    const entered = await api()
      .post('/applications')
      .set(staff)
      .set('x-request-id', 'req-late-1')
      .send(await offline('late-with-reason', { lateEntryReason: reason }));
    expect(entered.status).toBe(201);
    const audit = await sut.database.db.auditLog.findMany({
      where: { applicationNo: entered.body.applicationNo, action: 'LATE_ENTRY' },
    });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'staff:staff-late',
        role: 'STAFF',
        countyCode: '450103',
        afterStatus: 'SUBMITTED',
        reason,
        clientRequestId: 'req-late-1',
        requestId: entered.headers['x-request-id'],
        details: { closesAt: closesAt.toISOString() },
      }),
    ]);
  });
});
