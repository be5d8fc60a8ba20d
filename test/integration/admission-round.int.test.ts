import { spawnSync } from 'node:child_process';
import request from 'supertest';
import { projectRoot } from '../../src/config/paths';
import { built } from '../support/build';
import { eventually, setTestDeadline } from '../support/eventually';
import { deadlineIn, scaled, TEST_MARGIN_MS } from '../support/time-scale';
import { formForFamily } from '../../src/testing/forms';
import type { GuardianOf } from '../support/auth';
import {
  bundleWorkflows,
  registryFamilies,
  startHarness,
  workerProcessEnv,
  type Harness,
} from '../support/harness';
import { spawnWorkerProcess, type WorkerProcess } from '../support/worker-process';

const CASES = 200;
/**
 * The test's Jest cap before scaling: 200 cases through verification, review and a round on a
 * 2-core machine, with two worker processes started. Its waits share one deadline inside it.
 */
const CAP_MS = 420_000;

describe('an admission round: 200 applications through review, a verifiable draw, results to every family', () => {
  let sut: Harness;
  const workers: WorkerProcess[] = [];
  const family = (guardian?: GuardianOf) =>
    sut.auth.parent('family-round', guardian).then((t) => ({ Authorization: t }));
  // This file's one test has a cap of its own (jest.setTimeout here applies to this file only).
  jest.setTimeout(scaled(CAP_MS));

  beforeAll(async () => {
    sut = await startHarness({
      workflowBundle: await bundleWorkflows(),
      env: { ROUND_DELIVERY_BATCH: '10' },
    });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await sut?.close();
  });

  const workerEnv = () => workerProcessEnv(sut);

  it('admits, places by the bureau, notifies each family once even after a worker is killed mid-delivery, and verifies', async () => {
    const deadline = deadlineIn(CAP_MS - TEST_MARGIN_MS);
    setTestDeadline(deadline);
    const headers = await family();
    const families = registryFamilies.filter((f) => f.countyCode === '450103').slice(0, CASES);
    const numbers: string[] = [];
    for (let i = 0; i < families.length; i += 20) {
      const created = await Promise.all(
        families.slice(i, i + 20).map(async (f) => {
          const form = formForFamily(f);
          return request(sut.apiUrl)
            .post('/applications')
            .set(await family(form))
            .send(form);
        }),
      );
      numbers.push(...created.map((c) => c.body.applicationNo as string));
    }
    expect(new Set(numbers).size).toBe(CASES);
    await eventually(
      async () =>
        (await sut.database.db.application.count({
          where: { applicationNo: { in: numbers }, status: 'AWAITING_REVIEW' },
        })) === CASES
          ? true
          : undefined,
      'every case to be verified',
      deadline,
    );
    const reviewer = { Authorization: await sut.auth.reviewer(['450103']) };
    for (let i = 0; i < numbers.length; i += 100) {
      const batch = await request(sut.apiUrl)
        .post('/review/batch-approve')
        .set(reviewer)
        .send({ applicationNos: numbers.slice(i, i + 100) });
      expect(batch.body.failed).toBe(0);
    }
    // Few places at the first school, so the lottery and the bureau both have work.
    await sut.database.db.school.update({ where: { id: '450103-P01' }, data: { places: 40 } });
    await sut.database.db.school.update({
      where: { id: '450103-P02' },
      data: { places: 130, locationX: 1000 },
    });

    await sut.stopWorker();
    workers.push(await spawnWorkerProcess(workerEnv()));
    const admin = { Authorization: await sut.auth.admin(['450103']) };
    const started = await request(sut.apiUrl)
      .post('/rounds')
      .set(admin)
      .send({ countyCode: '450103', stage: 'PRIMARY_1', seasonYear: 2026 });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      seed: null,
      seedCommitment: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const roundId = started.body.roundId as string;

    await eventually(
      async () => {
        const delivered = await sut.database.db.admissionResult.count({
          where: { roundId, deliveredAt: { not: null } },
        });
        return delivered > 0 && delivered < CASES ? true : undefined;
      },
      'delivery to be under way',
      deadline,
    );
    await workers[0]!.kill();
    // No worker runs now, so this is the state the kill left: some results delivered, not all,
    // and the round still open.
    const deliveredAtKill = await sut.database.db.admissionResult.count({
      where: { roundId, deliveredAt: { not: null } },
    });
    expect(deliveredAtKill).toBeGreaterThan(0);
    expect(deliveredAtKill).toBeLessThan(CASES);
    const atKill = (await request(sut.apiUrl).get(`/rounds/${roundId}`).set(admin)).body;
    expect(atKill.status).not.toBe('PUBLISHED');
    // The bureau's page shows how far the delivery got.
    expect(atKill.delivery).toEqual({ results: CASES, delivered: deliveredAtKill });
    workers.push(await spawnWorkerProcess(workerEnv()));

    const published = await eventually(
      async () => {
        const r = await request(sut.apiUrl).get(`/rounds/${roundId}`).set(admin);
        return r.body.status === 'PUBLISHED' ? r.body : undefined;
      },
      'the round to be published',
      deadline,
    );
    expect(published.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(published.delivery).toEqual({ results: CASES, delivered: CASES });
    expect(published.schools).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ schoolId: '450103-P01', capacity: 40, admitted: 40 }),
      ]),
    );

    const rows = await eventually(
      async () => {
        const r = await sut.database.db.application.findMany({
          where: { applicationNo: { in: numbers } },
        });
        return r.every((a) => ['ADMITTED', 'ASSIGNED_BY_BUREAU', 'NOT_ADMITTED'].includes(a.status))
          ? r
          : undefined;
      },
      'every case to hold its result',
      deadline,
    );
    const byStatus = rows.reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
      {},
    );
    // 170 places for 200 eligible children: every place is used, by choice or by the bureau.
    expect((byStatus.ADMITTED ?? 0) + (byStatus.ASSIGNED_BY_BUREAU ?? 0)).toBe(170);
    expect(byStatus.NOT_ADMITTED).toBe(30);
    const choseP01 = families.filter(
      (f) => (formForFamily(f).schoolChoices as string[])[0] === '450103-P01',
    ).length;
    expect(choseP01).toBeGreaterThan(40);
    expect(byStatus.ASSIGNED_BY_BUREAU).toBeGreaterThan(0);

    // The bureau's admissions report counts what the families hold: by choice per tier, and by
    // the bureau.
    const report = await request(sut.apiUrl)
      .get('/reports/450103/PRIMARY_1/2026/admissions')
      .set(admin)
      .expect(200);
    const reported = report.body.rows as Record<string, number>[];
    const total = (column: string) => reported.reduce((n, r) => n + r[column]!, 0);
    expect(total('admitted')).toBe(byStatus.ADMITTED);
    expect(total('bureau')).toBe(byStatus.ASSIGNED_BY_BUREAU);
    for (const row of reported)
      expect(
        Object.entries(row)
          .filter(([column]) => /^tier\d+$/.test(column))
          .reduce((n, [, v]) => n + v, 0),
      ).toBe(row.admitted);

    // Each family heard of its result exactly once, whatever was delivered twice.
    await eventually(
      () => {
        const finals = sut.simulator.callbacks.filter(
          (c) =>
            numbers.includes(c.body.applicationNo as string) &&
            ['ADMITTED', 'ASSIGNED_BY_BUREAU', 'NOT_ADMITTED'].includes(c.body.status as string),
        );
        return finals.length >= CASES ? finals : undefined;
      },
      'the result notices',
      deadline,
    );
    const finals = sut.simulator.callbacks.filter(
      (c) =>
        numbers.includes(c.body.applicationNo as string) &&
        ['ADMITTED', 'ASSIGNED_BY_BUREAU', 'NOT_ADMITTED'].includes(c.body.status as string),
    );
    expect(new Set(finals.map((c) => c.deliveryId)).size).toBe(CASES);
    const events = await sut.database.db.applicationEvent.groupBy({
      by: ['applicationNo'],
      where: {
        applicationNo: { in: numbers },
        toStatus: { in: ['ADMITTED', 'ASSIGNED_BY_BUREAU', 'NOT_ADMITTED'] },
      },
      _count: true,
    });
    expect(events.every((e) => e._count === 1)).toBe(true);
    expect(events).toHaveLength(CASES);

    const mine = await request(sut.apiUrl)
      .get(`/applications/${rows.find((r) => r.status === 'ADMITTED')!.applicationNo}`)
      .set(headers);
    expect(mine.body.admission).toMatchObject({
      roundId,
      result: 'ADMITTED',
      explanation: { zh: expect.stringContaining('录取'), en: expect.stringContaining('Admitted') },
    });
    expect(
      await sut.database.db.housingLock.count({ where: { applicationNo: { in: numbers } } }),
    ).toBeGreaterThan(0);

    expect(
      (await request(sut.apiUrl).get(`/rounds/${roundId}/verify`).set(admin)).body,
    ).toMatchObject({ verdict: 'MATCH', differences: [] });
    const tampered = rows.find((r) => r.status === 'NOT_ADMITTED')!.applicationNo;
    await sut.database.db.admissionResult.update({
      where: { roundId_applicationNo: { roundId, applicationNo: tampered } },
      data: { placement: { result: 'ADMITTED', schoolId: '450103-P01', choiceRank: 1 } },
    });
    const verification = await request(sut.apiUrl).get(`/rounds/${roundId}/verify`).set(admin);
    expect(verification.body.verdict).toBe('MISMATCH');
    expect(verification.body.differences.join('\n')).toContain(tampered);
    const script = spawnSync(process.execPath, [built('scripts/verify-round.ts'), roundId], {
      cwd: projectRoot(),
      env: { ...process.env, DATABASE_URL: sut.database.url },
      encoding: 'utf8',
    });
    expect(script.status).toBe(2);
    expect(script.stdout).toMatch(new RegExp(`^MISMATCH[\\s\\S]*${tampered}`));
  });
});
