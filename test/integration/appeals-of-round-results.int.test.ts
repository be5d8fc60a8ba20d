import request from 'supertest';
import { publishedRound } from '../support/rounds';
import { formForFamily } from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import type { Family } from '../../src/simulator/family-records';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

/*
 * Issue 14: appeals (复核) of an admission round's results, on real Temporal and PostgreSQL. An
 * unplaced child's appeal runs alongside its wait for 补录; an accepted one sends the case back to
 * review, where the reviewer corrects its facts and approves, and the 补录 round places it; the
 * round does not wait for an appeal still unanswered, and its place stands after the answer. An
 * accepted appeal of a placement keeps the place while the 补录 round looks for a school ranked
 * higher: one child moves there, the other keeps its place. Fixtures as in
 * case-files-and-appeals.int.test.ts and supplementary-round.int.test.ts.
 */

const PLACED = ['ADMITTED', 'ASSIGNED_BY_BUREAU'];

describe('appeals of round results: no place, and a placement', () => {
  let sut: Harness;

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
  });
  afterAll(() => sut?.close());

  const api = () => request(sut.apiUrl);
  const row = (no: string) =>
    sut.database.db.application.findUniqueOrThrow({ where: { applicationNo: no } });
  const until = (no: string, wanted: readonly string[]) =>
    eventually(
      async () => ((s) => (wanted.includes(s) ? s : undefined))((await row(no)).status),
      `${no} to reach ${wanted.join(' or ')}`,
    );
  const places = (id: string, n: number) =>
    sut.database.db.school.update({ where: { id }, data: { places: n } });

  /** The county's families of one kind, each used once. */
  const used = new Set<string>();
  const familyOf = (countyCode: string, archetype = 'SOLE_OWNER_AT_HUKOU') => {
    const family = registryFamilies.find(
      (f) =>
        f.countyCode === countyCode && f.archetype === archetype && !used.has(f.child.idNumber),
    )!;
    used.add(family.child.idNumber);
    return family;
  };

  type Case = { no: string; family: Record<string, string> };

  /** Approved cases of the families given, choosing `school`, each with the family's own token. */
  async function approved(school: string, families: readonly Family[]) {
    const countyCode = families[0]!.countyCode;
    const reviewer = { Authorization: await sut.auth.reviewer([countyCode]) };
    const cases: Case[] = [];
    for (const f of families) {
      const form = formForFamily(f, { schoolChoices: [school] });
      const family = {
        Authorization: await sut.auth.parent(`family-${used.size}-${cases.length}`, form),
      };
      const created = await api().post('/applications').set(family).send(form).expect(201);
      cases.push({ no: created.body.applicationNo as string, family });
    }
    for (const c of cases) await until(c.no, ['AWAITING_REVIEW']);
    for (const c of cases)
      await api()
        .post(`/applications/${c.no}/decision`)
        .set(reviewer)
        .send({ decision: 'APPROVE' })
        .expect(200);
    return { cases, reviewer };
  }

  async function round(countyCode: string) {
    const admin = { Authorization: await sut.auth.admin([countyCode]) };
    const roundId = await publishedRound(sut.apiUrl, admin, countyCode);
    await api()
      .get(`/rounds/${roundId}/verify`)
      .set(admin)
      .expect(200, /"verdict":"MATCH"/);
    return roundId;
  }

  const view = async (c: Case) =>
    (await api().get(`/applications/${c.no}`).set(c.family).expect(200)).body;
  const periodOpen = (c: Case) =>
    eventually(
      async () => (await view(c)).appeal?.state === 'OPEN' || undefined,
      `${c.no}'s appeal period to open`,
    );
  const platformHeard = (no: string, words: string) =>
    eventually(
      () =>
        sut.simulator.callbacks.find(
          (n) => n.body.applicationNo === no && String(n.body.reason).includes(words),
        ),
      `the platform to hear "${words}" on ${no}`,
    );

  it('takes an unplaced child’s appeal while it waits for 补录: accepted, reviewed with corrected facts, placed by the next round; upheld, late or unanswered, the next round’s place applies', async () => {
    const county = '450703';
    const school = '450703-P01';
    const admin = { Authorization: await sut.auth.admin([county]) };
    await places(school, 0);
    // A migrant family (a lower tier), whose appeal names a fact no registry holds; and another.
    const { cases, reviewer } = await approved(school, [
      familyOf(county, 'MIGRANT_FOUR_PROOFS'),
      familyOf(county),
      familyOf(county),
    ]);
    const [accepted, upheld, pending] = cases as [Case, Case, Case];
    // One more case with a period of a second, to be too late.
    const periods = (appealWindowMs: number | null) =>
      api()
        .put(`/admin/counties/${county}/periods`)
        .set(admin)
        .send({ appealWindowMs })
        .expect(200);
    await periods(1000);
    const late = (await approved(school, [familyOf(county)])).cases[0]!;
    await periods(null);

    // The main round has no place: all three unplaced, each still waiting for 补录.
    await round(county);
    for (const c of [accepted, upheld, pending, late]) await until(c.no, ['NOT_ADMITTED']);

    // Accepted: back to review, the next step in both languages, on the timeline and the platform.
    await periodOpen(accepted);
    await api()
      .post(`/applications/${accepted.no}/appeal`)
      .set(accepted.family)
      .send({ reason: '孩子父亲为现役军人,应享受政策性照顾' })
      .expect(200, { applicationNo: accepted.no, status: 'NOT_ADMITTED' });
    expect((await view(accepted)).appeal).toMatchObject({ state: 'PENDING' });
    const answer = '经核实为军人子女,重新审核';
    await api()
      .post(`/applications/${accepted.no}/appeal-decision`)
      .set(reviewer)
      .send({ decision: 'ACCEPT', reason: answer })
      .expect(200, { applicationNo: accepted.no, status: 'AWAITING_REVIEW' });
    const reviewing = await view(accepted);
    expect(reviewing.appeal).toMatchObject({
      state: 'ACCEPTED',
      effect: 'REVIEWED_AGAIN',
      next: { zh: expect.stringContaining('重新审核'), en: expect.stringContaining('review') },
    });
    expect(reviewing.timeline.at(-1).reason).toMatch(new RegExp(`^复核申请成立:${answer}。`));
    await platformHeard(accepted.no, '参加下一轮录取(补录)');
    // The reviewer's correction is assessed again; approved, the case waits for 补录.
    expect(reviewing.priority.schools[0].tier).toBeGreaterThan(1);
    await api()
      .post(`/applications/${accepted.no}/facts`)
      .set(reviewer)
      .send({ source: 'CORRECTION', confirms: [{ fact: 'POLICY_CARE', category: 'MILITARY' }] })
      .expect(200);
    await api()
      .post(`/applications/${accepted.no}/decision`)
      .set(reviewer)
      .send({ decision: 'APPROVE' })
      .expect(200, { applicationNo: accepted.no, status: 'APPROVED' });

    // Upheld: the result stays, with the bureau's words and what happens next.
    await periodOpen(upheld);
    await api()
      .post(`/applications/${upheld.no}/appeal`)
      .set(upheld.family)
      .send({ reason: '请求复核' })
      .expect(200);
    const why = '各志愿学校均无剩余学位';
    await api()
      .post(`/applications/${upheld.no}/appeal-decision`)
      .set(reviewer)
      .send({ decision: 'UPHOLD', reason: why })
      .expect(200, { applicationNo: upheld.no, status: 'NOT_ADMITTED' });
    expect((await view(upheld)).appeal).toMatchObject({
      state: 'UPHELD',
      reason: why,
      next: { zh: '孩子仍参加下一轮补录。' },
    });
    await platformHeard(upheld.no, why);

    // Late: the period ran out while the case waits for 补录.
    const result = (await row(late.no)).statusChangedAt.getTime();
    await new Promise((r) => setTimeout(r, Math.max(result + 1500 - Date.now(), 0)));
    const refused = await eventually(async () => {
      const r = await api()
        .post(`/applications/${late.no}/appeal`)
        .set(late.family)
        .send({ reason: '请求复核' });
      return r.body.code === 'APPEAL_WINDOW_CLOSED' ? r : undefined;
    }, 'the late appeal to be refused as late');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ detail_zh: '已超过申请复核的期限,不能再申请复核。' });

    // Pending: the 补录 round does not wait for the bureau's answer.
    await periodOpen(pending);
    await api()
      .post(`/applications/${pending.no}/appeal`)
      .set(pending.family)
      .send({ reason: '请求复核' })
      .expect(200);

    // The 补录 round, with places for all four: the reviewed case on its corrected facts.
    await places(school, 4);
    const supplementary = await round(county);
    const frozen = await sut.database.db.admissionRoundApplicant.findUniqueOrThrow({
      where: { roundId_applicationNo: { roundId: supplementary, applicationNo: accepted.no } },
    });
    expect(frozen.entry).toMatchObject({ choices: [{ schoolId: school, tier: 1 }] });
    for (const c of [accepted, upheld, pending, late])
      expect(PLACED).toContain(await until(c.no, PLACED));
    // A placement, and so a new period to appeal it.
    await periodOpen(accepted);

    // The appeal on file is still answered; the place given meanwhile stands, then its own period.
    const placed = (await view(pending)).status as string;
    expect((await view(pending)).appeal).toMatchObject({ state: 'PENDING' });
    await api()
      .post(`/applications/${pending.no}/appeal-decision`)
      .set(reviewer)
      .send({ decision: 'ACCEPT', reason: '补录已录取' })
      .expect(200, { applicationNo: pending.no, status: placed });
    await platformHeard(pending.no, '以当前结果为准');
    await periodOpen(pending);
  });

  it('keeps a placement whose appeal is accepted: the 补录 round moves one child to the school ranked higher, the other keeps its place', async () => {
    const county = '450103';
    await places('450103-P01', 1);
    await places('450103-P02', 2);
    const { cases, reviewer } = await approved(
      '450103-P01',
      [1, 2, 3].map(() => familyOf(county)),
    );
    const main = await round(county);
    const results = await Promise.all(cases.map((c) => until(c.no, PLACED)));
    // One place at the school chosen; the other two placed by the bureau at the other school.
    const bureau = cases.filter((_, i) => results[i] === 'ASSIGNED_BY_BUREAU');
    expect(bureau).toHaveLength(2);

    for (const c of bureau) {
      await periodOpen(c);
      await api()
        .post(`/applications/${c.no}/appeal`)
        .set(c.family)
        .send({ reason: '应按第一志愿录取' })
        .expect(200);
      await api()
        .post(`/applications/${c.no}/appeal-decision`)
        .set(reviewer)
        .send({ decision: 'ACCEPT', reason: '第一志愿学校将增加学位' })
        .expect(200, { applicationNo: c.no, status: 'ASSIGNED_BY_BUREAU' });
      const kept = await view(c);
      expect(kept.appeal).toMatchObject({ state: 'ACCEPTED', effect: 'BETTER_PLACE_SOUGHT' });
      expect(kept.place).toMatchObject({ schoolId: '450103-P02', reconsider: true });
      expect(kept.place.text.zh).toContain('复核后,下一轮补录');
      await platformHeard(c.no, '现有学位予以保留');
    }
    // Confirming the place kept does not end the search.
    await api()
      .post(`/applications/${bureau[0]!.no}/place/confirm`)
      .set(bureau[0]!.family)
      .expect(200);

    // One place more at the school they ranked first; the 补录 round takes only the two.
    await places('450103-P01', 2);
    const supplementary = await round(county);
    const frozen = await sut.database.db.admissionRoundApplicant.findMany({
      where: { roundId: supplementary },
    });
    expect(frozen.map((a) => a.applicationNo).sort()).toEqual(bureau.map((c) => c.no).sort());
    // Each for the school it ranked above its place, never for a bureau place again.
    for (const { entry } of frozen)
      expect(entry).toMatchObject({ holdsPlace: true, choices: [{ schoolId: '450103-P01' }] });

    // The round's outcome for each is the last entry of its timeline, the family's to read.
    const outcome = (v: Awaited<ReturnType<typeof view>>) =>
      String(v.timeline.at(-1)?.reason).startsWith('复核后补录') ? v : undefined;
    const after = await Promise.all(
      bureau.map((c) => eventually(async () => outcome(await view(c)), `${c.no}'s 补录 result`)),
    );
    const moved = after.find((v) => v.place.schoolId === '450103-P01');
    const stayed = after.find((v) => v.place.schoolId === '450103-P02');
    expect(moved).toMatchObject({
      status: 'ADMITTED',
      place: { roundId: supplementary, state: 'AWAITING_CONFIRMATION', via: 'ROUND' },
    });
    expect(moved.timeline.at(-1).reason).toMatch(/^复核后补录:孩子改录至南宁市青秀区桃源路小学/);
    expect(moved.timeline.at(-2).reason).toMatch(/^已被南宁市青秀区桃源路小学录取/);
    expect(stayed).toMatchObject({ status: 'ASSIGNED_BY_BUREAU', place: { reconsider: false } });
    expect(stayed.timeline.at(-1).reason).toContain('保留');
    // The place left behind goes to its school's waitlist (nobody on it: UNFILLED).
    await eventually(async () => {
      const released = await sut.database.db.releasedPlace.findUnique({
        where: { id: `${main}/450103-P02/${moved.applicationNo}` },
      });
      return released?.reason === 'MOVED' && released.state === 'UNFILLED' ? released : undefined;
    }, 'the place left behind to go back to its school');
  });
});
