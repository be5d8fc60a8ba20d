import { randomUUID } from 'node:crypto';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import request from 'supertest';
import { ENROLMENT_WORKFLOW_TYPE, initialSearchAttributes } from '../../src/contract';
import { RepairLockRepository } from '../../src/db/repair-lock-repository';
import { applicationFormSchema } from '../../src/domain/forms/application-form';
import { eventually } from '../support/eventually';
import { formForFamily } from '../../src/testing/forms';
import { columnSealerOf } from '../../src/encryption/sealer';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

/**
 * The operations console (DESIGN.md §7) against a real Temporal dev server, worker, PostgreSQL
 * and the department simulator: stuck cases are found, inspected, repaired and audited.
 */
describe('operations console', () => {
  let sut: Harness;
  let family: Record<string, string>;
  let reviewer: Record<string, string>;
  let operator: Record<string, string>;
  let otherOperator: Record<string, string>;
  const taken: Record<string, number> = {};
  const COUNTY = '450103';
  const OTHER_COUNTY = '450703';
  const formIn = (county: string) => {
    taken[county] = (taken[county] ?? 0) + 1;
    return formForFamily(registryFamilies.filter((f) => f.countyCode === county)[taken[county]]!);
  };

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
    family = { Authorization: await sut.auth.parent('family-ops') };
    reviewer = { Authorization: await sut.auth.reviewer([COUNTY], 'reviewer-ops') };
    operator = { Authorization: await sut.auth.operator([COUNTY]) };
    otherOperator = { Authorization: await sut.auth.operator([OTHER_COUNTY]) };
  });
  afterAll(() => sut?.close());
  afterEach(() => sut.simulator.faults.clear());

  const api = () => request(sut.apiUrl);
  const statusInDb = async (no: string) =>
    (await sut.database.db.application.findUniqueOrThrow({ where: { applicationNo: no } })).status;
  const until = (no: string, wanted: string) =>
    eventually(
      async () => ((await statusInDb(no)) === wanted ? true : undefined),
      `${no} to reach ${wanted}`,
      60_000,
    );
  async function submit(county = COUNTY) {
    const form = formIn(county);
    const created = await api()
      .post('/applications')
      .set({ Authorization: await sut.auth.parent('family-ops', form) })
      .send(form);
    expect(created.status).toBe(201);
    return created.body.applicationNo as string;
  }
  /** A case taken through a supplement request and an approval: six timeline steps. */
  async function approvedAfterSupplement() {
    const no = await submit();
    await until(no, 'AWAITING_REVIEW');
    await api()
      .post(`/applications/${no}/supplement-request`)
      .set(reviewer)
      .send({ items: ['HUKOU_BOOKLET'] })
      .expect(200);
    await api()
      .post(`/applications/${no}/supplement`)
      .set(family)
      .send({ items: [{ item: 'HUKOU_BOOKLET', text: '户口簿在外地,先写明' }] })
      .expect(200);
    await api()
      .post(`/applications/${no}/decision`)
      .set(reviewer)
      .send({ decision: 'APPROVE' })
      .expect(200);
    await until(no, 'APPROVED');
    return no;
  }
  const timelineOf = async (no: string) =>
    (
      await sut.database.db.applicationEvent.findMany({
        where: { applicationNo: no },
        orderBy: { seq: 'asc' },
      })
    ).map((e) => ({ step: e.seq, to: e.toStatus, actor: e.actor }));
  const auditOf = (no: string) =>
    sut.database.db.auditLog.findMany({ where: { applicationNo: no }, orderBy: { id: 'asc' } });
  const runOf = async (no: string) =>
    (await sut.database.db.application.findUniqueOrThrow({ where: { applicationNo: no } })).runId;
  /** A dry run changes nothing: same run, no reset recorded, nothing audited. */
  async function expectUntouched(no: string, runId: string) {
    expect(await runOf(no)).toBe(runId);
    expect(await sut.database.db.caseReset.count({ where: { applicationNo: no } })).toBe(0);
    expect((await auditOf(no)).map((a) => a.action)).not.toContain('OPS_RESET');
  }

  it('finds a case whose department check keeps failing, retries it now once the department is back, and the case completes with the operator in the audit log', async () => {
    sut.simulator.faults.set('household', { errorRate: 1 });
    const no = await submit();
    const found = await eventually(
      async () => {
        const page = await api()
          .get('/ops/cases')
          .query({ problem: 'ACTIVITY_FAILING', status: 'VERIFYING' })
          .set(operator);
        return page.body.items?.find((c: { applicationNo: string }) => c.applicationNo === no);
      },
      'the failing check to show',
      60_000,
    );
    expect(found.failingActivities).toEqual([
      expect.objectContaining({
        activityType: 'verifyHousehold',
        attempt: expect.any(Number),
        lastFailure: expect.stringContaining('503'),
      }),
    ]);
    expect(found.failingActivities[0].attempt).toBeGreaterThanOrEqual(3);
    expect(found.links.temporalUi).toContain(`/workflows/${encodeURIComponent(found.workflowId)}/`);

    const counts = await api().get('/ops/counts').set(operator);
    expect(counts.status).toBe(200);
    expect(counts.body.byProblem.ACTIVITY_FAILING).toBeGreaterThanOrEqual(1);
    expect(counts.body.byStatus.VERIFYING).toBeGreaterThanOrEqual(1);

    const inspected = await api().get(`/ops/cases/${no}`).set(operator);
    expect(inspected.status).toBe(200);
    expect(inspected.body.problems).toContain('ACTIVITY_FAILING');
    expect(inspected.body.pendingActivities).toEqual([
      expect.objectContaining({
        activityType: 'verifyHousehold',
        nextAttemptAt: expect.any(String),
      }),
    ]);
    expect(inspected.body.history.map((s: { text: string }) => s.text)).toEqual(
      expect.arrayContaining(['Status → SUBMITTED', 'Status → VERIFYING']),
    );

    const dry = await api()
      .post(`/ops/cases/${no}/retry`)
      .set(operator)
      .send({ reason: 'household registry back after outage', dryRun: true });
    expect(dry.body).toMatchObject({
      dryRun: true,
      activities: [expect.objectContaining({ activityType: 'verifyHousehold' })],
    });

    sut.simulator.faults.clear('household');
    const retried = await api()
      .post(`/ops/cases/${no}/retry`)
      .set(operator)
      .set('x-request-id', 'ops-retry-1')
      .send({ reason: 'household registry back after outage' });
    expect(retried.status).toBe(200);
    await until(no, 'AWAITING_REVIEW');

    // Reset to attempt 1 and run at once: the attempt that succeeded is a fresh one.
    const history = await sut.temporal.workflow.getHandle(found.workflowId).fetchHistory();
    const scheduled = history.events!.find(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'verifyHousehold',
    )!;
    const started = history.events!.find(
      (e) =>
        Number(e.activityTaskStartedEventAttributes?.scheduledEventId) ===
        Number(scheduled.eventId),
    )!;
    expect(started.activityTaskStartedEventAttributes!.attempt).toBeLessThan(
      found.failingActivities[0].attempt,
    );

    const audit = await auditOf(no);
    expect(audit.at(-1)).toMatchObject({
      actor: 'operator:operator-1',
      role: 'OPERATOR',
      action: 'OPS_RETRY',
      reason: 'household registry back after outage',
      clientRequestId: 'ops-retry-1',
      requestId: retried.headers['x-request-id'],
    });
    await api().post(`/ops/cases/${no}/retry`).set(operator).send({ reason: 'again' }).expect(409);
  });

  it("resets to the family's supplement, delivers a corrected one, and keeps the reviewer's later approval", async () => {
    const no = await approvedAfterSupplement();
    const runBefore = await runOf(no);
    const body = {
      fromStep: 5,
      reason: 'family sent the wrong page; corrected copy received by phone',
      deliver: { kind: 'supplement', items: [{ item: 'HUKOU_BOOKLET', text: '户口簿首页已核对' }] },
    };
    const dry = await api()
      .post(`/ops/cases/${no}/reset`)
      .set(operator)
      .send({ ...body, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.plan).toMatchObject({
      fromStep: 5,
      resumesFrom: 'NEEDS_SUPPLEMENT',
      undoneStatuses: ['AWAITING_REVIEW', 'APPROVED'],
      superseded: [expect.objectContaining({ action: 'provideSupplement' })],
      reapply: [expect.objectContaining({ action: 'decide' })],
    });
    await expectUntouched(no, runBefore);

    const reset = await api().post(`/ops/cases/${no}/reset`).set(operator).send(body);
    expect(reset.status).toBe(200);
    expect(reset.body.results).toEqual([
      expect.objectContaining({
        action: 'provideSupplement',
        applied: true,
        status: 'AWAITING_REVIEW',
      }),
      expect.objectContaining({ action: 'decide', applied: true, status: 'APPROVED' }),
    ]);
    await until(no, 'APPROVED');
    expect(await timelineOf(no)).toEqual([
      { step: 1, to: 'SUBMITTED', actor: 'parent:family-ops' },
      { step: 2, to: 'VERIFYING', actor: 'system' },
      { step: 3, to: 'AWAITING_REVIEW', actor: 'system' },
      { step: 4, to: 'NEEDS_SUPPLEMENT', actor: 'reviewer:reviewer-ops' },
      { step: 5, to: 'AWAITING_REVIEW', actor: 'operator:operator-1' },
      { step: 6, to: 'APPROVED', actor: 'reviewer:reviewer-ops' },
    ]);
    const application = await sut.database.db.application.findUniqueOrThrow({
      where: { applicationNo: no },
      include: { resets: true, supplements: true },
    });
    expect(application.runId).toBe(reset.body.runId);
    expect(application.resets).toHaveLength(1);
    expect(await columnSealerOf(sut.config).open(application.resets[0]!.undone)).toMatchObject({
      events: [
        { seq: 5, actor: 'parent:family-ops' },
        { seq: 6, to: 'APPROVED' },
      ],
    });
    expect(application.supplements.map((s) => s.actor)).toEqual(['operator:operator-1']);
    expect((await auditOf(no)).at(-1)).toMatchObject({
      actor: 'operator:operator-1',
      action: 'OPS_RESET',
      beforeStatus: 'APPROVED',
      afterStatus: 'APPROVED',
    });

    // Temporal's own record names the operator too: the server signs the reset event itself, so
    // its reason carries the operator; the updates sent after it carry the operator's identity.
    const history = await sut.temporal.workflow.getHandle(application.workflowId).fetchHistory();
    const resetEvent = history.events!.find(
      (e) => e.workflowTaskFailedEventAttributes?.newRunId === reset.body.runId,
    );
    expect(resetEvent!.workflowTaskFailedEventAttributes!.failure!.message).toBe(
      `operator:operator-1: ${body.reason}`,
    );
    const accepted = history.events!.filter(
      (e) => e.workflowExecutionUpdateAcceptedEventAttributes,
    );
    expect(
      accepted
        .slice(-2)
        .map(
          (e) => e.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest!.meta!.identity,
        ),
    ).toEqual(['operator:operator-1', 'operator:operator-1']);
  });

  it("resets to the approval and delivers a reviewer's rejection, dropping the earlier approval", async () => {
    const no = await approvedAfterSupplement();
    const rejection = {
      decision: 'REJECT',
      reasonCode: 'FALSE_INFORMATION',
      reason: '房产证明经核实不真实',
    } as const;
    const resetWith = (deliver: Record<string, unknown>, who = operator) =>
      api()
        .post(`/ops/cases/${no}/reset`)
        .set(who)
        .send({
          fromStatus: 'APPROVED',
          reason: 'approved on a forged certificate (bureau letter 2026-17)',
          deliver: { kind: 'decision', ...deliver },
        });

    // Separation of duties: an operator or a city administrator alone cannot decide a case.
    const alone = await resetWith(rejection);
    expect(alone.status).toBe(403);
    expect(alone.body.code).toBe('SEPARATION_OF_DUTIES');
    const admin = { Authorization: await sut.auth.admin([COUNTY]) };
    expect((await resetWith({ decision: 'APPROVE' }, admin)).body.code).toBe(
      'SEPARATION_OF_DUTIES',
    );
    const approval = await api()
      .post(`/applications/${no}/repair-approval`)
      .set(reviewer)
      .send(rejection);
    expect(approval.status).toBe(201);
    const { approvalId } = approval.body as { approvalId: string };
    // The approval is of this rejection only, and only a reviewer gives one.
    expect((await resetWith({ decision: 'APPROVE', approvalId })).body.code).toBe(
      'SEPARATION_OF_DUTIES',
    );
    await api()
      .post(`/applications/${no}/repair-approval`)
      .set(operator)
      .send({ decision: 'APPROVE' })
      .expect(403);
    expect(await statusInDb(no)).toBe('APPROVED');

    const reset = await resetWith({ ...rejection, approvalId });
    expect(reset.status).toBe(200);
    expect(reset.body.plan.superseded).toEqual([expect.objectContaining({ action: 'decide' })]);
    expect(reset.body.plan.reapply).toEqual([]);
    await until(no, 'REJECTED');
    // The decision is the reviewer's; the operator delivered it.
    expect((await timelineOf(no)).at(-1)).toEqual({
      step: 6,
      to: 'REJECTED',
      actor: 'reviewer:reviewer-ops',
    });
    const view = await api().get(`/applications/${no}`).set(family);
    expect(view.body.status).toBe('REJECTED');
    expect((await auditOf(no)).at(-1)).toMatchObject({
      action: 'OPS_RESET',
      actor: 'operator:operator-1',
      details: expect.objectContaining({ approvalId }),
    });
    // An approval delivers one decision once.
    expect((await resetWith({ ...rejection, approvalId })).body.code).toBe('SEPARATION_OF_DUTIES');
  });

  it('re-runs verification from VERIFYING in bulk (dry run first) and re-applies the approval once the checks are done', async () => {
    const approved = await approvedAfterSupplement();
    const runBefore = await runOf(approved);
    const fresh = await submit();
    await until(fresh, 'AWAITING_REVIEW');
    const dry = await api()
      .post('/ops/bulk/reset')
      .set(operator)
      .send({
        applicationNos: [approved, fresh],
        fromStatus: 'VERIFYING',
        reason: 'household registry returned stale data on 27 Nov',
        dryRun: true,
      });
    expect(dry.body).toMatchObject({ succeeded: 2, failed: 0 });
    expect(
      dry.body.results[0].result.plan.reapply.map((a: { action: string }) => a.action),
    ).toEqual(['requestSupplement', 'provideSupplement', 'decide']);
    expect(dry.body.results[1].result.plan.reapply).toEqual([]);
    await expectUntouched(approved, runBefore);
    await expectUntouched(fresh, await runOf(fresh));
    await api()
      .post('/ops/bulk/reset')
      .set(operator)
      .send({ applicationNos: [fresh, fresh], fromStatus: 'VERIFYING', reason: 'x' })
      .expect(400);

    const done = await api()
      .post('/ops/bulk/reset')
      .set(operator)
      .send({
        applicationNos: [approved],
        fromStatus: 'VERIFYING',
        reason: 'household registry returned stale data on 27 Nov',
      });
    expect(done.body.results[0].result.results.map((r: { applied: boolean }) => r.applied)).toEqual(
      [true, true, true],
    );
    await until(approved, 'APPROVED');
    expect((await timelineOf(approved)).map((e) => e.to)).toEqual([
      'SUBMITTED',
      'VERIFYING',
      'AWAITING_REVIEW',
      'NEEDS_SUPPLEMENT',
      'AWAITING_REVIEW',
      'APPROVED',
    ]);
    // A new run, which asked the departments again, and the undone steps kept aside.
    const runAfter = await runOf(approved);
    expect(runAfter).not.toBe(runBefore);
    const row = await sut.database.db.application.findUniqueOrThrow({
      where: { applicationNo: approved },
      include: { resets: true },
    });
    expect(row.resets).toEqual([
      expect.objectContaining({ previousRunId: runBefore, runId: runAfter, keptThroughSeq: 1 }),
    ]);
    const history = await sut.temporal.workflow.getHandle(row.workflowId, runAfter).fetchHistory();
    const resetAt = history.events!.findIndex(
      (e) => e.workflowTaskFailedEventAttributes?.newRunId === runAfter,
    );
    const checksAfterReset = history
      .events!.slice(resetAt)
      .filter((e) =>
        e.activityTaskScheduledEventAttributes?.activityType?.name?.startsWith('verify'),
      );
    expect(resetAt).toBeGreaterThan(0);
    expect(checksAfterReset.length).toBeGreaterThanOrEqual(2);

    // From the very first step: the whole case runs again, and the read model follows it.
    const fromStart = await api()
      .post(`/ops/cases/${fresh}/reset`)
      .set(operator)
      .send({ fromStep: 1, reason: 'submitted during the registry outage' });
    expect(fromStart.status).toBe(200);
    await until(fresh, 'AWAITING_REVIEW');
    expect(await runOf(fresh)).toBe(fromStart.body.runId);
    expect((await timelineOf(fresh)).map((e) => e.to)).toEqual([
      'SUBMITTED',
      'VERIFYING',
      'AWAITING_REVIEW',
    ]);
  });

  it('cancels a case through its workflow, recording who and why, and the family is told', async () => {
    const no = await submit();
    await until(no, 'AWAITING_REVIEW');
    const cancelled = await api()
      .post(`/ops/cases/${no}/cancel`)
      .set(operator)
      .send({ reason: 'duplicate entry made at the registration point' });
    expect(cancelled.body).toMatchObject({ from: 'AWAITING_REVIEW', status: 'CANCELLED' });
    expect((await timelineOf(no)).at(-1)).toMatchObject({
      to: 'CANCELLED',
      actor: 'operator:operator-1',
    });
    const row = await sut.database.db.application.findUniqueOrThrow({
      where: { applicationNo: no },
    });
    // The run closes once its last notice is out, a moment after the timeline's entry.
    await eventually(
      async () =>
        (await sut.temporal.workflow.getHandle(row.workflowId, row.runId).describe()).status
          .name === 'CANCELLED' || undefined,
      'the case run to close as CANCELLED',
    );
    await eventually(
      () =>
        sut.simulator.callbacks.find(
          (c) => c.body.applicationNo === no && c.body.status === 'CANCELLED',
        ),
      'the platform to hear of the cancellation',
    );
    await api().post(`/ops/cases/${no}/cancel`).set(operator).send({ reason: 'again' }).expect(409);
    // The child may apply again.
    expect((await api().get(`/applications/${no}`).set(family)).body.guidance.en).toContain(
      'apply again',
    );
  });

  it('finds a case whose workflow task keeps failing and terminates it with a reason', async () => {
    // A case started by a faulty release: its input lacks the settings the code needs, so every
    // workflow task fails once verification is due, the way a non-determinism error would.
    const form = formIn(COUNTY);
    const applicationNo = `OPS${randomUUID().slice(0, 8).toUpperCase()}`;
    const workflowId = `enrolment-broken-${randomUUID()}`;
    await sut.temporal.workflow.start(ENROLMENT_WORKFLOW_TYPE, {
      taskQueue: sut.taskQueue,
      workflowId,
      args: [
        {
          applicationNo,
          form: applicationFormSchema.parse(form),
          childKey: 'broken',
          childIdMasked: '4501**********0000',
          ownerSub: 'family-ops',
          submittedBy: 'parent:family-ops',
          registrationPointId: null,
          submittedAt: new Date().toISOString(),
        },
      ],
      typedSearchAttributes: initialSearchAttributes(applicationFormSchema.parse(form)),
    });
    const found = await eventually(
      async () => {
        const page = await api()
          .get('/ops/cases')
          .query({ problem: 'WORKFLOW_TASK_FAILING' })
          .set(operator);
        return page.body.items?.find((c: { workflowId: string }) => c.workflowId === workflowId);
      },
      'the failing workflow task to show',
      60_000,
    );
    expect(found).toMatchObject({ applicationNo, status: 'VERIFYING' });
    expect(found.workflowTaskAttempt).toBeGreaterThan(1);

    const inspected = await api().get(`/ops/cases/${applicationNo}`).set(operator);
    expect(inspected.body.workflowTask.lastFailure.message).toBeTruthy();

    const replayed = await api().post(`/ops/cases/${applicationNo}/replay`).set(operator);
    expect(replayed.status).toBe(200);
    expect(replayed.body.events).toBeGreaterThan(0);
    expect(replayed.body).toMatchObject({ applicationNo, ok: false, determinism: false });
    expect(replayed.body.error).toEqual(expect.any(String));

    const terminated = await api()
      .post(`/ops/cases/${applicationNo}/terminate`)
      .set(operator)
      .send({ reason: 'broken release 0.1.1; family asked to re-apply' });
    expect(terminated.body).toMatchObject({ from: 'VERIFYING', status: 'CANCELLED' });
    const described = await sut.temporal.workflow.getHandle(workflowId).describe();
    expect(described.status.name).toBe('TERMINATED');
    const history = await sut.temporal.workflow.getHandle(workflowId).fetchHistory();
    expect(history.events!.at(-1)!.workflowExecutionTerminatedEventAttributes).toMatchObject({
      identity: 'operator:operator-1',
      reason: 'broken release 0.1.1; family asked to re-apply',
    });
    expect(await statusInDb(applicationNo)).toBe('CANCELLED');
    // The stopped run still answers queries with its last status; the family sees the closure.
    const view = await api().get(`/applications/${applicationNo}`).set(family);
    expect(view.body).toMatchObject({ status: 'CANCELLED', statusSource: 'read-model' });
    expect((await auditOf(applicationNo)).at(-1)).toMatchObject({
      action: 'OPS_TERMINATE',
      actor: 'operator:operator-1',
    });
  });

  it('refuses to revive a withdrawn case once the child has applied again (a reset would end the new one)', async () => {
    const body = formIn(COUNTY);
    const asGuardian = { Authorization: await sut.auth.parent('family-ops', body) };
    const first = (await api().post('/applications').set(asGuardian).send(body)).body
      .applicationNo as string;
    await until(first, 'AWAITING_REVIEW');
    await api().post(`/applications/${first}/withdraw`).set(family).send({}).expect(200);
    await until(first, 'WITHDRAWN');
    const second = await api().post('/applications').set(asGuardian).send(body);
    expect(second.status).toBe(201);
    const revived = await api()
      .post(`/ops/cases/${first}/reset`)
      .set(operator)
      .send({ fromStatus: 'AWAITING_REVIEW', reason: 'withdrawn by mistake' });
    expect(revived.status).toBe(409);
    expect(revived.headers['content-type']).toContain('application/problem+json');
    expect(revived.body).toMatchObject({ code: 'REPAIR_REFUSED', action: 'RESET' });
    expect(await statusInDb(first)).toBe('WITHDRAWN');
    await until(second.body.applicationNo, 'AWAITING_REVIEW');
    const newer = await sut.database.db.application.findUniqueOrThrow({
      where: { applicationNo: second.body.applicationNo },
    });
    const described = await sut.temporal.workflow
      .getHandle(newer.workflowId, newer.runId)
      .describe();
    expect(described.status.name).toBe('RUNNING');
  });

  it('runs one repair of a case at a time, across API replicas, and lets a dead holder’s claim lapse', async () => {
    const locks = new RepairLockRepository(sut.database.db);
    const no = await submit();
    await until(no, 'AWAITING_REVIEW');
    expect(await locks.claim(no, 'another-replica', 60_000)).toBe(true);
    const refused = await api()
      .post(`/ops/cases/${no}/reset`)
      .set(operator)
      .send({ fromStep: 3, reason: 'second operator at the same time' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'REPAIR_REFUSED', action: 'RESET' });
    await locks.release(no, 'not-the-holder');
    expect(await locks.claim(no, 'third', 60_000)).toBe(false);
    await locks.release(no, 'another-replica');

    await api()
      .post(`/ops/cases/${no}/reset`)
      .set(operator)
      .send({ fromStep: 3, reason: 'now alone' })
      .expect(200);
    // Released when the reset is done; an expired claim is taken over.
    expect(await locks.claim(no, 'after', -1)).toBe(true);
    expect(await locks.claim(no, 'takes-over', 60_000)).toBe(true);
    await locks.release(no, 'takes-over');
  });

  it('exports a history that replays cleanly against the current code', async () => {
    const no = await submit();
    await until(no, 'AWAITING_REVIEW');
    const exported = await api().get(`/ops/cases/${no}/history`).set(operator);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toContain(`${no}-`);
    expect(historyFromJSON(exported.body).events!.length).toBeGreaterThan(5);
    const replayed = await api().post(`/ops/cases/${no}/replay`).set(operator);
    expect(replayed.body).toMatchObject({ ok: true });
    expect((await auditOf(no)).map((a) => a.action)).toContain('OPS_EXPORT_HISTORY');
  });

  it('keeps operators to their counties and the console to operators and administrators', async () => {
    const mine = await submit(COUNTY);
    const alsoMine = await submit(COUNTY);
    const theirs = await submit(OTHER_COUNTY);
    await until(mine, 'AWAITING_REVIEW');
    await until(alsoMine, 'AWAITING_REVIEW');
    await until(theirs, 'AWAITING_REVIEW');

    await api().get(`/ops/cases/${theirs}`).set(operator).expect(404);
    await api()
      .post(`/ops/cases/${theirs}/cancel`)
      .set(operator)
      .send({ reason: 'not mine' })
      .expect(404);
    await api().get('/ops/cases').query({ countyCode: OTHER_COUNTY }).set(operator).expect(403);
    const page = await api().get('/ops/cases').query({ limit: 100 }).set(operator);
    expect(page.body.items.map((c: { applicationNo: string }) => c.applicationNo)).toEqual(
      expect.arrayContaining([mine, alsoMine]),
    );
    expect(page.body.items.every((c: { countyCode: string }) => c.countyCode === COUNTY)).toBe(
      true,
    );
    const first = await api().get('/ops/cases').query({ limit: 1 }).set(operator);
    expect(first.body.items).toHaveLength(1);
    const second = await api()
      .get('/ops/cases')
      .query({ limit: 1, pageToken: first.body.nextPageToken })
      .set(operator);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].workflowId).not.toBe(first.body.items[0].workflowId);
    await api().get('/ops/cases').query({ pageToken: 'not-a-token' }).set(operator).expect(400);
    // A token continues the query it came from, not another scope or filter.
    await api()
      .get('/ops/cases')
      .query({ limit: 1, pageToken: first.body.nextPageToken, status: 'VERIFYING' })
      .set(operator)
      .expect(400);
    const theirsPage = await api().get('/ops/cases').query({ limit: 100 }).set(otherOperator);
    expect(theirsPage.body.items.map((c: { applicationNo: string }) => c.applicationNo)).toContain(
      theirs,
    );

    const bulk = await api()
      .post('/ops/bulk/cancel')
      .set(operator)
      .send({ applicationNos: [mine, theirs], reason: 'clean-up', dryRun: true });
    expect(bulk.body).toMatchObject({
      succeeded: 1,
      failed: 1,
      results: [
        { applicationNo: mine, ok: true, result: { dryRun: true, to: 'CANCELLED' } },
        { applicationNo: theirs, ok: false, code: 'APPLICATION_NOT_FOUND' },
      ],
    });
    expect(await statusInDb(mine)).toBe('AWAITING_REVIEW');

    await api().get('/ops/cases').set(reviewer).expect(403);
    const region = { Authorization: await sut.auth.regionAdmin() };
    await api().get(`/ops/cases/${theirs}`).set(region).expect(200);

    const invalid = await api()
      .post(`/ops/cases/${mine}/reset`)
      .set(operator)
      .send({ fromStep: 2, fromStatus: 'VERIFYING', reason: 'x' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.violations[0]).toMatchObject({
      path: 'fromStep',
      code: 'RESET_ONE_TARGET',
    });
    const bareRejection = await api()
      .post(`/ops/cases/${mine}/reset`)
      .set(operator)
      .send({ fromStep: 3, reason: 'x', deliver: { kind: 'decision', decision: 'REJECT' } });
    expect(bareRejection.status).toBe(400);
    expect(bareRejection.body.violations.map((v: { path: string }) => v.path)).toEqual([
      'deliver.reasonCode',
      'deliver.reason',
    ]);
    const noSuchStep = await api()
      .post(`/ops/cases/${mine}/reset`)
      .set(operator)
      .send({ fromStep: 40, reason: 'x' });
    expect(noSuchStep.status).toBe(400);
    expect(noSuchStep.body.violations[0]).toMatchObject({
      path: 'fromStep',
      code: 'RESET_STEP_UNKNOWN',
    });
  });

  /** Cases held in VERIFYING by a failing household check, each visibly retrying. */
  async function failingInVerification(count: number) {
    sut.simulator.faults.set('household', { errorRate: 1 });
    const numbers = [];
    for (let i = 0; i < count; i += 1) numbers.push(await submit());
    for (const no of numbers)
      await eventually(
        async () => {
          if ((await statusInDb(no)) !== 'VERIFYING') return undefined;
          const inspected = await api().get(`/ops/cases/${no}`).set(operator);
          return inspected.body.problems?.includes('ACTIVITY_FAILING') ? true : undefined;
        },
        `${no} to be verifying with a failing check`,
        60_000,
      );
    return numbers;
  }
  const closedRun = (no: string) =>
    eventually(
      async () => {
        const row = await sut.database.db.application.findUniqueOrThrow({
          where: { applicationNo: no },
        });
        const described = await sut.temporal.workflow
          .getHandle(row.workflowId, row.runId)
          .describe();
        return described.status.name === 'RUNNING' ? undefined : described;
      },
      `${no}'s run to close`,
      60_000,
    );

  it('ends a case still VERIFYING by the family’s withdrawal or an operator’s cancellation, its check stopped', async () => {
    const [withdrawn, cancelled] = (await failingInVerification(2)) as [string, string];
    const withdrawal = await api().post(`/applications/${withdrawn}/withdraw`).set(family).send({});
    expect(withdrawal.status).toBe(200);
    const cancellation = await api()
      .post(`/ops/cases/${cancelled}/cancel`)
      .set(operator)
      .send({ reason: 'entered twice at the registration point' });
    expect(cancellation.body).toMatchObject({ from: 'VERIFYING', status: 'CANCELLED' });
    await until(withdrawn, 'WITHDRAWN');
    await until(cancelled, 'CANCELLED');
    for (const [no, last] of [
      [withdrawn, 'WITHDRAWN'],
      [cancelled, 'CANCELLED'],
    ] as const) {
      expect((await timelineOf(no)).map((e) => e.to)).toEqual(['SUBMITTED', 'VERIFYING', last]);
      // The run is over, so the failing check no longer runs: nothing is left pending.
      const described = await closedRun(no);
      expect(described.raw.pendingActivities ?? []).toEqual([]);
    }
    expect((await closedRun(cancelled)).status.name).toBe('CANCELLED');
    expect((await timelineOf(cancelled)).at(-1)).toMatchObject({ actor: 'operator:operator-1' });
  });

  it('retries the failing checks of several cases in bulk (dry run first), each then completing', async () => {
    const healthy = await submit();
    await until(healthy, 'AWAITING_REVIEW');
    const failing = await failingInVerification(2);
    const reason = 'household registry back after the outage';
    const dry = await api()
      .post('/ops/bulk/retry')
      .set(operator)
      .send({ applicationNos: [...failing, healthy], reason, dryRun: true });
    expect(dry.body).toMatchObject({
      succeeded: 2,
      failed: 1,
      results: [
        ...failing.map((applicationNo) => ({
          applicationNo,
          ok: true,
          result: {
            dryRun: true,
            activities: [expect.objectContaining({ activityType: 'verifyHousehold' })],
          },
        })),
        { applicationNo: healthy, ok: false, code: 'NOTHING_TO_RETRY' },
      ],
    });
    for (const no of failing) expect(await statusInDb(no)).toBe('VERIFYING');

    sut.simulator.faults.clear('household');
    const done = await api()
      .post('/ops/bulk/retry')
      .set(operator)
      .send({ applicationNos: failing, reason, activityType: 'verifyHousehold' });
    expect(done.body).toMatchObject({ succeeded: 2, failed: 0 });
    for (const no of failing) {
      await until(no, 'AWAITING_REVIEW');
      expect((await auditOf(no)).at(-1)).toMatchObject({ action: 'OPS_RETRY', reason });
    }
  });

  it('cancels and terminates several cases in bulk, each closed, told and audited once', async () => {
    const toCancel = [await submit(), await submit()];
    const toTerminate = [await submit(), await submit()];
    for (const no of [...toCancel, ...toTerminate]) await until(no, 'AWAITING_REVIEW');

    const cancelled = await api()
      .post('/ops/bulk/cancel')
      .set(operator)
      .send({ applicationNos: toCancel, reason: 'season entered twice' });
    expect(cancelled.body).toMatchObject({
      succeeded: 2,
      failed: 0,
      results: toCancel.map((applicationNo) => ({
        applicationNo,
        ok: true,
        result: { dryRun: false, from: 'AWAITING_REVIEW', status: 'CANCELLED' },
      })),
    });
    const terminated = await api()
      .post('/ops/bulk/terminate')
      .set(operator)
      .send({ applicationNos: toTerminate, reason: 'broken release 0.1.1' });
    expect(terminated.body).toMatchObject({
      succeeded: 2,
      failed: 0,
      results: toTerminate.map((applicationNo) => ({
        applicationNo,
        ok: true,
        result: { from: 'AWAITING_REVIEW', status: 'CANCELLED' },
      })),
    });

    for (const [numbers, runStatus, action] of [
      [toCancel, 'CANCELLED', 'OPS_CANCEL'],
      [toTerminate, 'TERMINATED', 'OPS_TERMINATE'],
    ] as const) {
      for (const no of numbers) {
        expect(await statusInDb(no)).toBe('CANCELLED');
        expect((await closedRun(no)).status.name).toBe(runStatus);
        expect((await auditOf(no)).filter((a) => a.action === action)).toHaveLength(1);
        await eventually(
          () =>
            sut.simulator.callbacks.find(
              (c) => c.body.applicationNo === no && c.body.status === 'CANCELLED',
            ),
          `the platform to hear that ${no} was closed`,
        );
      }
    }
    // A second pass finds nothing left to close, case by case.
    const again = await api()
      .post('/ops/bulk/terminate')
      .set(operator)
      .send({ applicationNos: [...toCancel, ...toTerminate], reason: 'again' });
    expect(again.body).toMatchObject({ succeeded: 0, failed: 4 });
  });
});
