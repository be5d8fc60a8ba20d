import request from 'supertest';
import { eventually } from '../support/eventually';
import { formFor } from '../../src/testing/forms';
import {
  bundleWorkflows,
  registryPeople,
  startHarness,
  workerProcessEnv,
  type Harness,
} from '../support/harness';
import { spawnWorkerProcess, type WorkerProcess } from '../support/worker-process';

describe('a worker process killed mid-verification', () => {
  let sut: Harness;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows(), withoutWorker: true });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await sut?.close();
  });

  const workerEnv = () => workerProcessEnv(sut);

  it('loses nothing: a new worker finishes the case with one row and one timeline entry per transition', async () => {
    // Slow enough that the kill lands while the identity call is in flight, fast enough to
    // answer within the HTTP time-out once a new worker retries it: half the time-out.
    sut.simulator.faults.set('identity', { latencyMs: sut.config.DATA_SHARING_TIMEOUT_MS / 2 });
    const first = await spawnWorkerProcess(workerEnv());
    workers.push(first);

    const form = formFor(registryPeople[10]!);
    const family = { Authorization: await sut.auth.parent('family-durability', form) };
    const submitted = await request(sut.apiUrl).post('/applications').set(family).send(form);
    expect(submitted.status).toBe(201);
    const { applicationNo } = submitted.body as { applicationNo: string };

    await eventually(
      () => ((sut.simulator.calls.get('identity') ?? 0) >= 1 ? true : undefined),
      'the identity call to start',
    );
    await first.kill();
    expect(first.child.signalCode).toBe('SIGKILL');
    const atKill = await sut.database.db.application.findUniqueOrThrow({
      where: { applicationNo },
    });
    expect(atKill.status).toBe('VERIFYING');

    workers.push(await spawnWorkerProcess(workerEnv()));
    // The read model follows the workflow: wait for its projection, then compare the two.
    await eventually(
      async () => {
        const row = await sut.database.db.application.findUnique({ where: { applicationNo } });
        return row?.status === 'AWAITING_REVIEW' ? row : undefined;
      },
      'the new worker to finish verification',
      90_000,
    );
    const done = await eventually(async () => {
      const r = await request(sut.apiUrl).get(`/applications/${applicationNo}`).set(family);
      return r.body.status === 'AWAITING_REVIEW' ? r.body : undefined;
    }, 'the API to report the verified case');

    expect(done.timeline.map((e: { seq: number; to: string }) => `${e.seq}:${e.to}`)).toEqual([
      '1:SUBMITTED',
      '2:VERIFYING',
      '3:AWAITING_REVIEW',
    ]);
    const db = sut.database.db;
    expect(await db.application.count({ where: { applicationNo } })).toBe(1);
    const events = await db.applicationEvent.findMany({
      where: { applicationNo },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => e.toStatus)).toEqual(['SUBMITTED', 'VERIFYING', 'AWAITING_REVIEW']);
    const stored = await db.verificationResult.findMany({
      where: { applicationNo },
      orderBy: { check: 'asc' },
    });
    expect(stored.map((r) => r.check)).toEqual(['HOUSEHOLD', 'IDENTITY', 'PROPERTY', 'RELATION']);
    expect(await db.eligibilityAssessment.count({ where: { applicationNo } })).toBe(1);
    expect((await db.application.findUniqueOrThrow({ where: { applicationNo } })).status).toBe(
      'AWAITING_REVIEW',
    );
    expect(sut.simulator.calls.get('identity')).toBeGreaterThanOrEqual(2);
  });
});
