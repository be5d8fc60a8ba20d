import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CASE_NOTICES_WORKFLOW_TYPE, caseNoticesWorkflowId } from '../../src/contract';
import { FIXTURES } from '../../src/simulator/fixtures';
import { eventually } from '../support/eventually';
import { formBFor, formFor, offlineFormFor, scannedPdf } from '../../src/testing/forms';
import { bundleWorkflows, registryPeople, startHarness, type Harness } from '../support/harness';

describe('intake: channels, ownership, one live application per child, and the platform', () => {
  let sut: Harness;
  let nextPerson = 100;
  const person = () => registryPeople[nextPerson++]!;

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
  });
  afterAll(() => sut?.close());
  afterEach(() => sut.simulator.faults.clear());

  const as = async (token: Promise<string>) => ({ Authorization: await token });
  const api = () => request(sut.apiUrl);

  async function statusOf(applicationNo: string, headers: Record<string, string>, wanted: string) {
    return eventually(async () => {
      const r = await api().get(`/applications/${applicationNo}`).set(headers);
      return r.body.status === wanted ? r.body : undefined;
    }, `${applicationNo} to reach ${wanted}`);
  }

  it('starts one workflow for 20 concurrent submissions of the same child; the rest get 409 or the first answer', async () => {
    const body = formFor(person());
    const family = await as(sut.auth.parent('family-concurrent', body));
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const r = api().post('/applications').set(family);
        return (i % 2 ? r.set('Idempotency-Key', key) : r).send(body);
      }),
    );
    const created = responses.filter((r) => r.status === 201);
    const conflicts = responses.filter((r) => r.status === 409);
    expect(created.length + conflicts.length).toBe(20);
    const numbers = new Set(created.map((r) => r.body.applicationNo as string));
    expect(numbers.size).toBe(1);
    const [applicationNo] = [...numbers];
    for (const c of conflicts) {
      expect(c.body).toMatchObject({
        code: 'DUPLICATE_APPLICATION',
        existingApplicationNo: applicationNo,
      });
    }
    const row = await sut.database.db.application.findUniqueOrThrow({ where: { applicationNo } });
    expect(await sut.database.db.application.count({ where: { workflowId: row.workflowId } })).toBe(
      1,
    );
    const runs = [];
    for await (const wf of sut.temporal.workflow.list({
      query: `WorkflowId = "${row.workflowId}"`,
    }))
      runs.push(wf);
    // Exactly one: the application row exists, so its workflow was started, and only once.
    expect(runs).toHaveLength(1);
  });

  it('takes one application number for 20 concurrent duplicates: the next child gets the next one', async () => {
    const body = formFor(person());
    const family = await as(sut.auth.parent('family-numbers', body));
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => api().post('/applications').set(family).send(body)),
    );
    const created = responses.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(19);
    const sequenceOf = (applicationNo: string) => Number(applicationNo.split('-')[2]);
    const first = sequenceOf(created[0]!.body.applicationNo);

    const nextBody = formFor(person());
    const next = await api()
      .post('/applications')
      .set(await as(sut.auth.parent('family-numbers', nextBody)))
      .send(nextBody);
    expect(next.status).toBe(201);
    expect(sequenceOf(next.body.applicationNo)).toBe(first + 1);
    const counter = await sut.database.db.applicationNumberCounter.findUniqueOrThrow({
      where: { seasonYear_countyCode: { seasonYear: 2026, countyCode: '450103' } },
    });
    expect(counter.lastValue).toBe(first + 1);
  });

  it('names an unknown query parameter instead of calling it a form field', async () => {
    const response = await api()
      .get('/registration-points?county=450103')
      .set(await as(sut.auth.parent('family-query')));
    expect(response.status).toBe(400);
    expect(response.body.violations).toEqual([
      {
        path: 'county',
        code: 'UNKNOWN_QUERY_PARAMETER',
        message_en: 'This endpoint has no query parameter "county".',
        message_zh: '此接口不支持查询参数"county"。',
      },
    ]);
  });

  it('replays the first answer to a retried POST with the same Idempotency-Key, and refuses the key for another body', async () => {
    const key = randomUUID();
    const body = formFor(person());
    const family = await as(sut.auth.parent('family-idempotent', body));
    const first = await api()
      .post('/applications')
      .set(family)
      .set('Idempotency-Key', key)
      .send(body);
    const retry = await api()
      .post('/applications')
      .set(family)
      .set('Idempotency-Key', key)
      .send(body);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const otherBody = formFor(person());
    const other = await api()
      .post('/applications')
      .set(await as(sut.auth.parent('family-idempotent', otherBody)))
      .set('Idempotency-Key', key)
      .send(otherBody);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('shows a family only its own applications; another family gets 404 and no data', async () => {
    const child = person();
    const mine = await as(sut.auth.parent('family-a', formFor(child)));
    const theirs = await as(sut.auth.parent('family-b'));
    const { body } = await api().post('/applications').set(mine).send(formFor(child));
    const list = await api().get('/applications').set(mine);
    expect(list.body.map((a: { applicationNo: string }) => a.applicationNo)).toContain(
      body.applicationNo,
    );
    expect(list.body[0].guidance).toMatchObject({ zh: expect.any(String), en: expect.any(String) });

    for (const attempt of [
      api().get(`/applications/${body.applicationNo}`).set(theirs),
      api().post(`/applications/${body.applicationNo}/withdraw`).set(theirs).send({}),
    ]) {
      const response = await attempt;
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain(child.name);
    }
    expect((await api().get('/applications').set(theirs)).body).toEqual([]);
    const reviewerElsewhere = await as(sut.auth.reviewer(['450703']));
    expect(
      (await api().get(`/applications/${body.applicationNo}`).set(reviewerElsewhere)).status,
    ).toBe(404);
  });

  it('lets a family withdraw before a decision and apply again; not after', async () => {
    const child = person();
    const family = await as(sut.auth.parent('family-withdraw', formFor(child)));
    const first = await api().post('/applications').set(family).send(formFor(child));
    await statusOf(first.body.applicationNo, family, 'AWAITING_REVIEW');
    const withdrawn = await api()
      .post(`/applications/${first.body.applicationNo}/withdraw`)
      .set(family)
      .send({ reason: '搬家 / moving away' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('WITHDRAWN');
    const view = await api().get(`/applications/${first.body.applicationNo}`).set(family);
    expect(view.body.guidance.en).toMatch(/withdrew/);

    const again = await api().post('/applications').set(family).send(formFor(child));
    expect(again.status).toBe(201);
    expect(again.body.applicationNo).not.toBe(first.body.applicationNo);
    await statusOf(again.body.applicationNo, family, 'AWAITING_REVIEW');
    const reviewer = await as(sut.auth.reviewer(['450103']));
    expect(
      (
        await api()
          .post(`/applications/${again.body.applicationNo}/decision`)
          .set(reviewer)
          .send({ decision: 'APPROVE' })
      ).status,
    ).toBe(200);
    const late = await api()
      .post(`/applications/${again.body.applicationNo}/withdraw`)
      .set(family)
      .send({});
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'INVALID_STATE', currentStatus: 'APPROVED' });
    const third = await api().post('/applications').set(family).send(formFor(child));
    expect(third.status).toBe(409);
    expect(third.body.existingApplicationNo).toBe(again.body.applicationNo);
  });

  it('lets a family apply again at once after withdrawing while the platform is down; the old notices follow', async () => {
    const child = person();
    const family = await as(sut.auth.parent('family-withdraw-outage', formFor(child)));
    const first = await api().post('/applications').set(family).send(formFor(child));
    await statusOf(first.body.applicationNo, family, 'AWAITING_REVIEW');
    const old = await sut.database.db.application.findUniqueOrThrow({
      where: { applicationNo: first.body.applicationNo },
    });
    // Down for longer than the test: the WITHDRAWN notice cannot reach the platform before the
    // family applies again, so the old run can only close by handing its notices on.
    sut.simulator.faults.set('platform-callback', {
      outageUntil: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const withdrawn = await api()
      .post(`/applications/${first.body.applicationNo}/withdraw`)
      .set(family)
      .send({});
    expect(withdrawn.body.status).toBe('WITHDRAWN');

    const again = await api().post('/applications').set(family).send(formFor(child));
    expect(again.status).toBe(201);
    const oldRun = sut.temporal.workflow.getHandle(old.workflowId, old.runId);
    expect((await oldRun.describe()).status.name).toBe('COMPLETED');
    const handedOn = sut.temporal.workflow.getHandle(caseNoticesWorkflowId(old.runId));
    expect((await handedOn.describe()).type).toBe(CASE_NOTICES_WORKFLOW_TYPE);

    sut.simulator.faults.clear('platform-callback');
    // A named wait: the hand-on run retries with backoff, and a slow machine must say what it waited for.
    const delivered = await eventually(() => {
      const mine = sut.simulator.callbacks.filter(
        (c) => c.body.applicationNo === first.body.applicationNo,
      );
      return mine.some((c) => c.body.status === 'WITHDRAWN') ? mine : undefined;
    }, `the old case's WITHDRAWN notice to reach the platform`);
    expect(delivered.map((c) => c.body.status)).toContain('WITHDRAWN');
    await statusOf(again.body.applicationNo, family, 'AWAITING_REVIEW');
  });

  it('takes OFFLINE entries from registration-point staff of the county, online ones from families only', async () => {
    const staff = await as(sut.auth.staff('450103-RP01', ['450103']));
    const family = await as(sut.auth.parent('family-offline'));
    const child = person();
    const paper = await api()
      .post('/registration/consent-forms')
      .set(staff)
      .attach('file', scannedPdf('intake-channels'), 'signed.pdf');
    expect(paper.status).toBe(201);
    const offline = await api()
      .post('/applications')
      .set(staff)
      .send(offlineFormFor(child, paper.body.sha256));
    expect(offline.status).toBe(201);
    const row = await sut.database.db.application.findUniqueOrThrow({
      where: { applicationNo: offline.body.applicationNo },
    });
    expect(row).toMatchObject({
      channel: 'OFFLINE',
      registrationPointId: '450103-RP01',
      ownerSub: null,
      submittedBy: 'staff:staff-1',
    });

    const staffOnline = await api().post('/applications').set(staff).send(formFor(person()));
    expect(staffOnline.body.violations).toEqual([
      expect.objectContaining({ path: 'channel', code: 'CHANNEL_NOT_ALLOWED' }),
    ]);
    const familyOffline = await api()
      .post('/applications')
      .set(family)
      .send(offlineFormFor(person(), paper.body.sha256));
    expect(familyOffline.body.violations).toEqual([
      expect.objectContaining({ path: 'channel', code: 'CHANNEL_NOT_ALLOWED' }),
    ]);
    const otherCountyStaff = await as(sut.auth.staff('450703-RP01', ['450703']));
    const wrongCounty = await api()
      .post('/applications')
      .set(otherCountyStaff)
      .send(offlineFormFor(person(), paper.body.sha256));
    expect(wrongCounty.body.violations).toEqual([
      expect.objectContaining({ path: 'countyCode', code: 'POINT_NOT_IN_COUNTY' }),
    ]);
  });

  it('accepts a submission from the platform for a family it vouches for, which the family then sees', async () => {
    const platform = await as(sut.auth.platform());
    const form = formBFor(FIXTURES.huangSiqi);
    const familyToken = await sut.auth.family('guitongban-user-42', form);
    const created = await api()
      .post('/applications')
      .set(platform)
      .set('X-Family-Token', familyToken)
      .send(form);
    expect(created.status).toBe(201);
    const family = await as(sut.auth.parent('guitongban-user-42'));
    expect(
      (await api().get(`/applications/${created.body.applicationNo}`).set(family)).status,
    ).toBe(200);

    const unvouched = await api().post('/applications').set(platform).send(formFor(person()));
    expect(unvouched.body.violations).toEqual([
      expect.objectContaining({ path: 'X-Family-Token', code: 'FAMILY_TOKEN_REQUIRED' }),
    ]);
    const forged = await api()
      .post('/applications')
      .set(platform)
      .set('X-Family-Token', 'forged')
      .send(formFor(person()));
    expect(forged.status).toBe(401);
  });

  it('pushes every status change to the platform, signed and in order, and catches up after an outage', async () => {
    const form = formFor(person());
    const family = await as(sut.auth.parent('family-callbacks', form));
    // Down until this case's first notice has been refused: the outage is not a race with time.
    sut.simulator.faults.set('platform-callback', {
      outageUntil: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const { body } = await api().post('/applications').set(family).send(form);
    const mine = <T extends { body: Record<string, unknown> }>(list: readonly T[]) =>
      list.filter((c) => c.body.applicationNo === body.applicationNo);
    // The case does not wait for the platform.
    const verified = await statusOf(body.applicationNo, family, 'AWAITING_REVIEW');
    expect(verified.status).toBe('AWAITING_REVIEW');
    await eventually(
      () => (mine(sut.simulator.refusedCallbacks).length > 0 ? true : undefined),
      'a notice of this case to be refused during the outage',
      60_000,
    );
    expect(mine(sut.simulator.callbacks)).toEqual([]);
    sut.simulator.faults.clear('platform-callback');
    const reviewer = await as(sut.auth.reviewer(['450103']));
    await api()
      .post(`/applications/${body.applicationNo}/decision`)
      .set(reviewer)
      .send({ decision: 'APPROVE' });

    // A delivery the platform took but whose answer was lost on a loaded machine comes again
    // under its own id, which the platform de-duplicates: count each delivery once.
    const received = await eventually(
      () => {
        const accepted = mine(sut.simulator.callbacks).filter(
          (c, i, all) => all.findIndex((d) => d.deliveryId === c.deliveryId) === i,
        );
        return accepted.length >= 4 ? accepted : undefined;
      },
      'the callbacks to arrive once the platform is back',
      60_000,
    );
    expect(received.map((c) => c.body.status)).toEqual([
      'SUBMITTED',
      'VERIFYING',
      'AWAITING_REVIEW',
      'APPROVED',
    ]);
    expect(received.map((c) => c.body.seq)).toEqual([1, 2, 3, 4]);
    expect(received[0]!.body.ownerSub).toBe('family-callbacks');
    // One delivery id per notice, and the refused ones were delivered again under the same id.
    const deliveries = received.map((c) => c.deliveryId);
    expect(new Set(deliveries).size).toBe(4);
    const refused = mine(sut.simulator.refusedCallbacks).map((c) => c.deliveryId);
    expect(refused[0]).toBe(deliveries[0]);
    expect(deliveries).toEqual(expect.arrayContaining([...new Set(refused)]));
  });

  it('books appointment slots without ever exceeding their capacity, and frees a place on cancellation', async () => {
    const slots = await api()
      .get('/registration-points/450103-RP01/slots?days=7')
      .set(await as(sut.auth.parent('family-slots-0')));
    expect(slots.status).toBe(200);
    const slot = slots.body.find((s: { free: number }) => s.free === 10);
    expect(slot).toBeDefined();
    const families = await Promise.all(
      Array.from({ length: 30 }, (_, i) => sut.auth.parent(`family-slots-${i}`)),
    );
    const bookings = await Promise.all(
      families.map((t) =>
        api().post('/appointments').set('Authorization', t).send({ slotId: slot.id }),
      ),
    );
    expect(bookings.filter((b) => b.status === 201)).toHaveLength(10);
    expect(bookings.filter((b) => b.status === 409).every((b) => b.body.code === 'SLOT_FULL')).toBe(
      true,
    );
    expect(bookings.filter((b) => b.status === 409)).toHaveLength(20);
    expect(
      (await sut.database.db.appointmentSlot.findUniqueOrThrow({ where: { id: slot.id } })).booked,
    ).toBe(10);

    const winner = bookings.findIndex((b) => b.status === 201);
    const cancelled = await api()
      .delete(`/appointments/${bookings[winner]!.body.appointmentId}`)
      .set('Authorization', families[winner]!);
    expect(cancelled.status).toBe(204);
    expect(
      (await sut.database.db.appointmentSlot.findUniqueOrThrow({ where: { id: slot.id } })).booked,
    ).toBe(9);
    const again = await api()
      .delete(`/appointments/${bookings[winner]!.body.appointmentId}`)
      .set('Authorization', families[winner]!);
    expect(again.status).toBe(404);
  });

  it('accepts a JUNIOR_1 application with the current primary school', async () => {
    const older = registryPeople.find(
      (p) => p.birthDate <= '2015-08-31' && p.birthDate >= '2014-09-01',
    )!;
    const form = formFor(older, {
      stage: 'JUNIOR_1',
      schoolChoices: ['450103-J01'],
      currentPrimarySchool: { name: '桃源路小学', divisionCode: '450103' },
    });
    const family = await as(sut.auth.parent('family-junior', form));
    const response = await api().post('/applications').set(family).send(form);
    expect(response.status).toBe(201);
  });
});
