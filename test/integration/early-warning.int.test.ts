import request from 'supertest';
import { EARLY_WARNING_WORKFLOW_TYPE, type EarlyWarningWorkflow } from '../../src/contract';
import { formForFamily } from '../../src/testing/forms';
import {
  earlyWarningScheduleId,
  ensureEarlyWarningSchedule,
} from '../../src/worker/early-warning-schedule';
import { eventually } from '../support/eventually';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

/**
 * The place-shortage early warning (issue 15, items 1–3): the population pulled from the
 * simulator's 公安 interface, the nightly schedule's report, level changes notified exactly once
 * (not again when nothing changed, a worker restart included), the live level moving as
 * applications arrive, and only published warnings public, with nothing personal in them.
 */
describe('early warning', () => {
  let sut: Harness;
  let qingxiu: Record<string, string>;
  let qinbei: Record<string, string>;
  const api = () => request(sut.apiUrl);
  // During 2026's registration: the live season is 2026, its window open.
  const DURING_WINDOW = '2026-06-01T00:00:00.000Z';
  const filed: string[] = [];

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
    qingxiu = { Authorization: await sut.auth.admin(['450103']) };
    qinbei = { Authorization: await sut.auth.admin(['450703']) };
  });
  afterAll(async () => {
    await sut?.temporal.schedule
      .getHandle(earlyWarningScheduleId(sut.taskQueue))
      .delete()
      .catch(() => undefined);
    await sut?.close();
  });

  const notifications = async (headers = qingxiu) => {
    const res = await api().get('/warnings/notifications?limit=500').set(headers);
    expect(res.status).toBe(200);
    return res.body as { schoolId: string; seasonYear: number; toLevel: string; basis: string }[];
  };
  const run = (asOf?: string) =>
    sut.temporal.workflow.execute<EarlyWarningWorkflow>(EARLY_WARNING_WORKFLOW_TYPE, {
      taskQueue: sut.taskQueue,
      workflowId: `early-warning-test-${Date.now()}-${Math.random()}`,
      args: [{ countyCodes: ['450103'], cause: 'MANUAL', ...(asOf ? { asOf } : {}) }],
    });

  it('runs from its schedule over the simulator’s counties, reports, and notifies each change once', async () => {
    expect(await ensureEarlyWarningSchedule(sut.temporal, sut.taskQueue)).toBe('created');
    const handle = sut.temporal.schedule.getHandle(earlyWarningScheduleId(sut.taskQueue));
    // A new schedule runs once at once.
    const runId = await eventually(
      async () => (await handle.describe()).info.recentActions[0]?.action.workflow.workflowId,
      'the schedule to start its first run',
    );
    const report = await sut.temporal.workflow.getHandle<EarlyWarningWorkflow>(runId).result();
    const today = new Date().toISOString().slice(0, 10);
    const qingxiuReport = report.counties.find((c) => c.countyCode === '450103');
    expect(report.counties.map((c) => c.countyCode).sort()).toEqual(['450103', '450703']);
    expect(qingxiuReport).toMatchObject({ populationAsOf: today, schools: 3, warnings: 18 });
    expect(report.stalePopulation).toEqual([]);
    expect(sut.simulator.calls.get('school-age-population')).toBe(2);
    const snapshot = await sut.database.db.populationSnapshot.findFirstOrThrow({
      where: { countyCode: '450103' },
    });
    expect(snapshot.asOf.toISOString().slice(0, 10)).toBe(today);

    const warnings = await api().get('/warnings/450103').set(qingxiu);
    expect(warnings.status).toBe(200);
    expect(warnings.body).toHaveLength(18);
    const notGreen = (warnings.body as { level: string }[]).filter((w) => w.level !== 'GREEN');
    expect(notGreen.length).toBeGreaterThan(0);
    const first = await notifications();
    // The first computation notifies every warning (a school never computed counts as green).
    expect(first).toHaveLength(notGreen.length);
    expect(qingxiuReport!.changes).toBe(notGreen.length);

    // Nothing changed: the next run notifies nothing, nor one after a worker restart.
    expect(await ensureEarlyWarningSchedule(sut.temporal, sut.taskQueue)).toBe('unchanged');
    expect((await run()).counties[0]!.changes).toBe(0);
    await sut.stopWorker();
    await sut.startWorker();
    expect((await run()).counties[0]!.changes).toBe(0);
    expect(await notifications()).toHaveLength(first.length);

    // Fewer places at the junior school: the change triggers a recompute, notified once per season.
    const junior = await sut.database.db.school.findUniqueOrThrow({ where: { id: '450103-J01' } });
    const changed = await api().put('/admin/schools/450103-J01').set(qingxiu).send({
      countyCode: '450103',
      stage: 'JUNIOR_1',
      nameZh: junior.nameZh,
      type: 'PUBLIC',
      places: 1,
      catchmentUnits: junior.catchmentUnits,
      feederPrimaryIds: junior.feederPrimaryIds,
    });
    expect(changed.status).toBe(200);
    const reds = await eventually(async () => {
      const rows = await sut.database.db.schoolWarning.findMany({
        where: { schoolId: '450103-J01', places: 1 },
      });
      return rows.length === 6 ? rows : undefined;
    }, 'the recompute the change of places started');
    expect(reds.map((r) => r.level)).toEqual(Array(6).fill('RED'));
    const wasRed = (warnings.body as { schoolId: string; level: string }[]).filter(
      (w) => w.schoolId === '450103-J01' && w.level === 'RED',
    ).length;
    const after = await notifications();
    expect(after.length - first.length).toBe(6 - wasRed);
    expect((await run()).counties[0]!.changes).toBe(0);

    // Scoped: Qinbei's administrator sees neither Qingxiu's warnings nor its notices.
    expect((await api().get('/warnings/450103').set(qinbei)).status).toBe(403);
    expect((await notifications(qinbei)).some((n) => n.schoolId.startsWith('450103'))).toBe(false);
    expect((await api().get('/warnings/notifications')).status).toBe(401);
  });

  it('moves the live level as applications arrive, and publishes only what the bureau publishes', async () => {
    const window = await api()
      .put('/admin/registration-windows/450103/PRIMARY_1/2026')
      .set(qingxiu)
      .send({ opensAt: '2026-01-01T00:00:00+08:00', closesAt: '2027-12-31T00:00:00+08:00' });
    expect(window.status).toBe(200);
    const primary = await sut.database.db.school.findUniqueOrThrow({ where: { id: '450103-P01' } });
    const places = await api().put('/admin/schools/450103-P01').set(qingxiu).send({
      countyCode: '450103',
      stage: 'PRIMARY_1',
      nameZh: primary.nameZh,
      type: 'PUBLIC',
      places: 2,
      catchmentUnits: primary.catchmentUnits,
    });
    expect(places.status).toBe(200);
    const live = async () => {
      const report = await run(DURING_WINDOW);
      const row = await sut.database.db.schoolWarning.findUniqueOrThrow({
        where: { schoolId_seasonYear: { schoolId: '450103-P01', seasonYear: 2026 } },
      });
      return { row, changes: report.counties[0]!.changes };
    };
    const before = await live();
    expect(before.row).toMatchObject({ basis: 'LIVE', liveFirstChoice: 0, level: 'GREEN' });

    const families = registryFamilies
      .filter((f) => f.countyCode === '450103' && f.archetype === 'SOLE_OWNER_AT_HUKOU')
      .slice(10, 13);
    const forms: Record<string, unknown>[] = [];
    const file = async (i: number) => {
      const form = { ...formForFamily(families[i]!), schoolChoices: ['450103-P01'] };
      forms.push(form);
      const created = await api()
        .post('/applications')
        .set({ Authorization: await sut.auth.parent(`family-warning-${i}`, form) })
        .send(form);
      expect(created.status).toBe(201);
      const no = created.body.applicationNo as string;
      filed.push(no);
      await eventually(
        async () =>
          (await sut.database.db.eligibilityAssessment.findUnique({
            where: { applicationNo: no },
          })) ?? undefined,
        `${no} to be assessed`,
        120_000,
      );
    };
    await Promise.all([file(0), file(1)]);
    const full = await live();
    expect(full.row).toMatchObject({ liveFirstChoice: 2, level: 'YELLOW' });
    await file(2);
    const over = await live();
    expect(over.row).toMatchObject({ liveFirstChoice: 3, level: 'RED' });
    const liveNotices = (await notifications()).filter(
      (n) => n.schoolId === '450103-P01' && n.seasonYear === 2026,
    );
    expect(liveNotices.map((n) => [n.toLevel, n.basis])).toEqual([
      ['RED', 'LIVE'],
      ['YELLOW', 'LIVE'],
    ]);

    // Public: nothing until the bureau publishes; then the summary, and nothing personal.
    const publicWarnings = () => api().get('/public/counties/450103/warnings');
    expect((await publicWarnings()).body).toEqual([]);
    const published = await api().post('/warnings/450103/PRIMARY_1/2026/publish').set(qingxiu);
    expect(published.status).toBe(200);
    const seen = await publicWarnings();
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual([
      expect.objectContaining({ stage: 'PRIMARY_1', seasonYear: 2026, version: 1 }),
    ]);
    const p01 = seen.body[0].items.find((i: { schoolId: string }) => i.schoolId === '450103-P01');
    expect(p01).toMatchObject({ level: 'RED', places: 2, demand: 3, basis: 'LIVE' });
    expect(p01.summaryZh).toContain('学位预警等级:红色');
    const secrets = forms.flatMap((form) => {
      const child = form.child as { name: string; idNumber: string };
      const guardians = form.guardians as { name: string; idNumber: string; mobile: string }[];
      return [
        child.name,
        child.idNumber,
        ...guardians.flatMap((g) => [g.name, g.idNumber, g.mobile]),
      ];
    });
    for (const secret of secrets) expect(seen.text.includes(secret)).toBe(false);
    expect(/\d{17}[\dX]/.test(seen.text) || /1[3-9]\d{9}/.test(seen.text)).toBe(false);

    // The platform (桂通办) is handed the same public summary for its pages, durably, once.
    const relayed = await eventually(() => {
      const got = sut.simulator.callbacks.filter((c) => c.body.kind === 'WARNINGS_PUBLISHED');
      return got.length ? got : undefined;
    }, 'the publication relayed to the platform');
    expect(relayed).toHaveLength(1);
    expect(relayed[0]!.body).toMatchObject({
      deliveryId: 'warning-publication/450103/PRIMARY_1/2026/v1',
      countyCode: '450103',
      stage: 'PRIMARY_1',
      seasonYear: 2026,
      version: 1,
    });
    expect(relayed[0]!.body.items).toContainEqual(
      expect.objectContaining({ schoolId: '450103-P01', level: 'RED', summaryZh: p01.summaryZh }),
    );
    const relayedText = JSON.stringify(relayed[0]!.body);
    for (const secret of secrets) expect(relayedText.includes(secret)).toBe(false);
    const etag = seen.headers.etag as string;
    expect((await publicWarnings().set('If-None-Match', etag)).status).toBe(304);

    // The bureau report sets the forecast beside the first choices that came.
    const report = await api().get('/reports/450103/PRIMARY_1/2026/forecast').set(qingxiu);
    expect(report.status).toBe(200);
    const p01Row = (report.body.rows as { schoolId: string }[]).find(
      (r) => r.schoolId === '450103-P01',
    );
    expect(p01Row).toMatchObject({ places: 2, firstChoice: 3, forecast: expect.any(Number) });

    // A stage the bureau has not published stays out of the public answer.
    const unpublished = await sut.database.db.schoolWarning.count({
      where: { countyCode: '450103', stage: 'JUNIOR_1' },
    });
    expect(unpublished).toBeGreaterThan(0);
    expect((await publicWarnings()).body.map((p: { stage: string }) => p.stage)).toEqual([
      'PRIMARY_1',
    ]);
  });

  it('runs the shortfall scenario on the live applicants, with extra places side by side', async () => {
    const res = await api()
      .post('/warnings/450103/PRIMARY_1/2026/scenario')
      .set(qingxiu)
      .send({ variants: [{ name: '+2 places', extraPlaces: { '450103-P01': 2 } }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ basis: 'LIVE', applicants: 3 });
    const [base, plus] = res.body.outcomes as {
      name: string;
      schools: { schoolId: string; capacity: number; admitted: number; bureau: number }[];
    }[];
    const p01 = (o: typeof base) => o!.schools.find((s) => s.schoolId === '450103-P01')!;
    expect(p01(base)).toMatchObject({ capacity: 2, admitted: 2 });
    expect(p01(plus)).toMatchObject({ capacity: 4, admitted: 3 });
    expect(plus!.name).toBe('+2 places');
  });

  it('places as many families per school as a real round on the same applicants', async () => {
    const scenario = await api()
      .post('/warnings/450103/PRIMARY_1/2026/scenario')
      .set(qingxiu)
      .send({});
    expect(scenario.status).toBe(200);
    const reviewer = { Authorization: await sut.auth.reviewer(['450103']) };
    const approved = await api()
      .post('/review/batch-approve')
      .set(reviewer)
      .send({ applicationNos: filed });
    expect(approved.body.failed).toBe(0);
    // The window closes so that the round may start.
    await api()
      .put('/admin/registration-windows/450103/PRIMARY_1/2026')
      .set(qingxiu)
      .send({
        opensAt: '2026-01-01T00:00:00+08:00',
        closesAt: new Date(Date.now() - 1000).toISOString(),
      })
      .expect(200);
    const started = await api()
      .post('/rounds')
      .set(qingxiu)
      .send({ countyCode: '450103', stage: 'PRIMARY_1', seasonYear: 2026 });
    expect(started.status).toBe(201);
    const roundId = started.body.roundId as string;
    const drawn = await eventually(async () => {
      const r = await sut.database.db.admissionRound.findUniqueOrThrow({ where: { id: roundId } });
      return r.status === 'DRAWN' || r.status === 'PUBLISHED' ? r : undefined;
    }, 'the round to be drawn');
    const real = (drawn.summary as { schoolId: string; admitted: number; bureau: number }[])
      .map(({ schoolId, admitted, bureau }) => ({ schoolId, admitted, bureau }))
      .sort((a, b) => a.schoolId.localeCompare(b.schoolId));
    const base = (
      scenario.body.outcomes[0].schools as { schoolId: string; admitted: number; bureau: number }[]
    )
      .map(({ schoolId, admitted, bureau }) => ({ schoolId, admitted, bureau }))
      .sort((a, b) => a.schoolId.localeCompare(b.schoolId));
    expect(real).toEqual(base);
    expect(base.find((s) => s.schoolId === '450103-P01')).toMatchObject({ admitted: 2 });
  });
});
