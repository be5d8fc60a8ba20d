import { spawnSync } from 'node:child_process';
import request from 'supertest';
import { projectRoot } from '../../src/config/paths';
import { formForFamily } from '../../src/testing/forms';
import { built } from '../support/build';
import { eventually } from '../support/eventually';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

const ROUND_STATUSES = ['ADMITTED', 'ASSIGNED_BY_BUREAU', 'NOT_ADMITTED'];
const PLACED = ['ADMITTED', 'ASSIGNED_BY_BUREAU'];

/**
 * A season of two rounds in one county: the main round places two of three children; one place is
 * released and one added, a case is approved late, and the 补录 round places the child left
 * unplaced and the late one, each round verifiable; placed families get the school's notice.
 */
describe('a main round, then a 补录 round over the unplaced, the late-approved and released places', () => {
  let sut: Harness;
  let admin: Record<string, string>;
  let reviewer: Record<string, string>;

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
    admin = { Authorization: await sut.auth.admin(['450103']) };
    reviewer = { Authorization: await sut.auth.reviewer(['450103']) };
  });
  afterAll(() => sut?.close());

  const api = () => request(sut.apiUrl);
  const statusOf = async (no: string) =>
    (await sut.database.db.application.findUniqueOrThrow({ where: { applicationNo: no } })).status;
  const until = (no: string, wanted: readonly string[]) =>
    eventually(
      async () => ((s) => (wanted.includes(s) ? s : undefined))(await statusOf(no)),
      `${no} to reach ${wanted.join(' or ')}`,
    );
  const published = (roundId: string) =>
    eventually(async () => {
      const r = await api().get(`/rounds/${roundId}`).set(admin);
      return r.body.status === 'PUBLISHED' ? r.body : undefined;
    }, `round ${roundId} to be published`);
  const approve = (no: string) =>
    api()
      .post(`/applications/${no}/decision`)
      .set(reviewer)
      .send({ decision: 'APPROVE' })
      .expect(200);
  const startRound = () =>
    api()
      .post('/rounds')
      .set(admin)
      .send({ countyCode: '450103', stage: 'PRIMARY_1', seasonYear: 2026 });

  it('places the unplaced and the late-approved in released and added places, verifies every round, and sends the notice', async () => {
    const school = {
      countyCode: '450103',
      stage: 'PRIMARY_1',
      type: 'PUBLIC',
      catchmentUnits: [],
      feederPrimaryIds: [],
    };
    await api()
      .put('/admin/schools/450103-P01')
      .set(admin)
      .send({
        ...school,
        nameZh: '南宁市青秀区桃源路小学',
        places: 1,
        address: '南宁市青秀区桃源路1号',
      })
      .expect(200);
    await api()
      .put('/admin/schools/450103-P02')
      .set(admin)
      .send({ ...school, nameZh: '南宁市青秀区凤翔路小学', places: 1, location: { x: 1000, y: 0 } })
      .expect(200);
    const reporting = {
      reportFrom: '2026-08-28T08:30:00+08:00',
      reportUntil: '2026-08-29T17:00:00+08:00',
      materials: [
        { zh: '户口簿原件', en: 'the household register (original)' },
        { zh: '儿童预防接种证', en: "the child's vaccination record" },
      ],
    };
    await api()
      .put('/admin/schools/450103-P01/reporting/2026')
      .set(admin)
      .send(reporting)
      .expect(200);

    const forms = registryFamilies
      .filter((f) => f.countyCode === '450103')
      .slice(0, 4)
      .map((f) => formForFamily(f));
    const numbers: string[] = [];
    for (const form of forms) {
      const created = await api()
        .post('/applications')
        .set({ Authorization: await sut.auth.parent('family-supplementary', form) })
        .send(form)
        .expect(201);
      numbers.push(created.body.applicationNo as string);
    }
    for (const no of numbers) await until(no, ['AWAITING_REVIEW']);
    const [, , , late] = numbers;
    for (const no of numbers.slice(0, 3)) await approve(no);

    // The main round: three children, two places; every place is used, one child is left.
    const main = await startRound().expect(201);
    expect(main.body).toMatchObject({ sequence: 1, kind: 'MAIN' });
    const first = main.body.roundId as string;
    await published(first);
    const results1 = new Map<string, string>();
    for (const no of numbers.slice(0, 3)) results1.set(no, await until(no, ROUND_STATUSES));
    const unplaced = numbers.find((no) => results1.get(no) === 'NOT_ADMITTED')!;
    expect([...results1.values()].filter((s) => PLACED.includes(s))).toHaveLength(2);
    expect(await statusOf(late!)).toBe('AWAITING_REVIEW');

    // The place at P01 is released (as a family's decline does) and no one on its waitlist took
    // it; P02 gets a place more, and the last case is approved after the main round.
    const atP01 = await sut.database.db.admissionResult.findMany({ where: { roundId: first } });
    const p01 = atP01.find(
      (r) => (r.placement as { schoolId?: string }).schoolId === '450103-P01',
    )!.applicationNo;
    await sut.database.db.releasedPlace.create({
      data: {
        id: `${first}/450103-P01/${p01}`,
        roundId: first,
        schoolId: '450103-P01',
        releasedBy: p01,
        reason: 'DECLINED',
        state: 'UNFILLED',
      },
    });
    await api()
      .put('/admin/schools/450103-P02')
      .set(admin)
      .send({ ...school, nameZh: '南宁市青秀区凤翔路小学', places: 2, location: { x: 1000, y: 0 } })
      .expect(200);
    await approve(late!);

    const supplementary = await startRound().expect(201);
    expect(supplementary.body).toMatchObject({ sequence: 2, kind: 'SUPPLEMENTARY' });
    const second = supplementary.body.roundId as string;
    const view = await published(second);
    expect(view.basis).toEqual({
      earlierRounds: [{ roundId: first, resultHash: expect.stringMatching(/^[0-9a-f]{64}$/) }],
      schools: [
        { schoolId: '450103-P01', places: 1, placedEarlier: 1, released: 1, capacity: 1 },
        { schoolId: '450103-P02', places: 2, placedEarlier: 1, released: 0, capacity: 1 },
      ],
    });
    const frozen = await sut.database.db.admissionRoundApplicant.findMany({
      where: { roundId: second },
    });
    expect(frozen.map((a) => a.applicationNo).sort()).toEqual([unplaced, late].sort());
    expect(PLACED).toContain(await until(unplaced, PLACED));
    expect(PLACED).toContain(await until(late!, PLACED));
    expect(await statusOf(p01)).toBe(results1.get(p01));

    // Every round of the season verifies, by the API and from the database.
    for (const roundId of [first, second]) {
      const verified = await api().get(`/rounds/${roundId}/verify`).set(admin).expect(200);
      expect(verified.body).toMatchObject({ verdict: 'MATCH', differences: [] });
      const script = spawnSync(process.execPath, [built('scripts/verify-round.ts'), roundId], {
        cwd: projectRoot(),
        env: { ...process.env, DATABASE_URL: sut.database.url },
        encoding: 'utf8',
      });
      expect(script.stdout).toMatch(/^MATCH/);
      expect(script.status).toBe(0);
    }
    // A result of the main round changed afterwards no longer matches what the 补录 started from.
    await sut.database.db.admissionResult.update({
      where: { roundId_applicationNo: { roundId: first, applicationNo: unplaced } },
      data: { placement: { result: 'ADMITTED', schoolId: '450103-P02', choiceRank: 1 } },
    });
    const tampered = await api().get(`/rounds/${second}/verify`).set(admin).expect(200);
    expect(tampered.body.verdict).toBe('MISMATCH');
    expect(tampered.body.differences.join('\n')).toContain(`earlier round ${first}`);

    // The family placed at P01 reads the school's notice; so does the platform.
    const placedAtP01 = await sut.database.db.admissionResult.findFirstOrThrow({
      where: { roundId: second, placement: { path: ['schoolId'], equals: '450103-P01' } },
    });
    const no = placedAtP01.applicationNo;
    const form = forms[numbers.indexOf(no)]!;
    const notice = {
      school: {
        id: '450103-P01',
        name: '南宁市青秀区桃源路小学',
        address: '南宁市青秀区桃源路1号',
      },
      report: { from: '2026-08-28T00:30:00.000Z', until: '2026-08-29T09:00:00.000Z' },
      materials: reporting.materials,
      text: {
        zh: expect.stringContaining('报到时间:2026-08-28 08:30 至 2026-08-29 17:00(北京时间)'),
        en: expect.stringContaining('Bring: the household register (original)'),
      },
    };
    const mine = await api()
      .get(`/applications/${no}`)
      .set({ Authorization: await sut.auth.parent('family-supplementary', form) })
      .expect(200);
    expect(mine.body.admission).toMatchObject({ roundId: second, notice });
    expect(mine.body.admission.notice.text.zh).toMatch(
      /^录取学校:南宁市青秀区桃源路小学\n学校地址:/,
    );
    const callback = await eventually(
      () =>
        sut.simulator.callbacks.find(
          (c) => c.body.applicationNo === no && PLACED.includes(c.body.status as string),
        ),
      'the admission notice to reach the platform',
    );
    expect(callback.body).toMatchObject({
      previousStatus: no === unplaced ? 'NOT_ADMITTED' : 'APPROVED',
      school: { id: '450103-P01', name: '南宁市青秀区桃源路小学' },
      admissionNotice: notice,
    });
  });

  it('gives a place back to its school when the case it falls to has closed since the freeze, so a later round counts it', async () => {
    const form = formForFamily(registryFamilies.filter((f) => f.countyCode === '450103')[4]!);
    const created = await api()
      .post('/applications')
      .set({ Authorization: await sut.auth.parent('family-closed', form) })
      .send(form)
      .expect(201);
    const no = created.body.applicationNo as string;
    await until(no, ['AWAITING_REVIEW']);
    await approve(no);
    // Room at both schools whatever rounds came before, so the round places the child.
    for (const id of ['450103-P01', '450103-P02'])
      await sut.database.db.school.update({ where: { id }, data: { places: 50 } });
    // An operator ends the case in Temporal itself, not through the console: the read model still
    // says APPROVED, so the round freezes it, and its result reaches a run that has ended.
    const row = await sut.database.db.application.findUniqueOrThrow({
      where: { applicationNo: no },
    });
    await sut.temporal.workflow.getHandle(row.workflowId).terminate('an operator ends the case');

    const round = (await startRound().expect(201)).body.roundId as string;
    await published(round);
    const result = await sut.database.db.admissionResult.findUniqueOrThrow({
      where: { roundId_applicationNo: { roundId: round, applicationNo: no } },
    });
    const schoolId = (result.placement as { schoolId?: string }).schoolId;
    expect(schoolId).toMatch(/^450103-P0[12]$/);
    // The place goes to the school's chain, which has nobody to offer it to: UNFILLED.
    const released = await eventually(async () => {
      const r = await sut.database.db.releasedPlace.findUnique({
        where: { id: `${round}/${schoolId}/${no}` },
      });
      return r?.state === 'UNFILLED' ? r : undefined;
    }, 'the place to go back to its school');
    expect(released).toMatchObject({ reason: 'NOT_TAKEN', releasedBy: no, takenBy: null });

    // The next round counts it among the school's released places.
    const next = (await startRound().expect(201)).body.roundId as string;
    const view = await published(next);
    expect(view.basis.schools).toContainEqual(expect.objectContaining({ schoolId, released: 1 }));
    await api()
      .get(`/rounds/${next}/verify`)
      .set(admin)
      .expect(200, /"verdict":"MATCH"/);
  });
});
