import { spawnSync } from 'node:child_process';
import request from 'supertest';
import { projectRoot } from '../../src/config/paths';
import { WorkflowUpdateStage } from '@temporalio/client';
import {
  admissionResultSignal,
  answerOfferUpdate,
  caseViewQuery,
  waitlistViewQuery,
  waitlistWorkflowId,
  type AdmissionDelivery,
  type WaitlistView,
} from '../../src/contract';
import type { OfferRecord, PlaceRecord } from '../../src/domain/place-confirmation';
import type { Family } from '../../src/simulator/family-records';
import { formForFamily } from '../../src/testing/forms';
import { built } from '../support/build';
import { eventually, setTestDeadline } from '../support/eventually';
import {
  bundleWorkflows,
  registryFamilies,
  startHarness,
  workerProcessEnv,
  type Harness,
} from '../support/harness';
import { whileRowsHeld } from '../support/row-locks';
import { publishedRound as startPublishedRound } from '../support/rounds';
import { deadlineIn, scaled, TEST_MARGIN_MS } from '../support/time-scale';
import { spawnWorkerProcess, type WorkerProcess } from '../support/worker-process';

/*
 * Issue 14: enrolment confirmation (报到) and the waitlists' re-offer chains on real Temporal,
 * PostgreSQL and the simulator. A decline passes the place to the first waitlisted family, who
 * accepts it; a missed deadline does the same, and so does an offer left unanswered or held by a
 * case an operator terminated; an accepted offer locks the home and is the family's admission; a
 * worker killed mid-chain loses no offer and makes none twice; a place nobody takes is UNFILLED
 * and the 补录 round places a child in it; a round's place delivered to a case that took an offer
 * since goes back to its chain; every round verifies.
 */

/** A test's Jest cap before scaling: two rounds, re-offer chains and worker restarts. */
const CAP_MS = 900_000;
const LONG = scaled(600_000);
/** Short enough to wait out, long enough for the test to answer on a loaded machine. */
const SHORT = scaled(15_000);

describe('confirmation (报到) and the waitlist re-offer chain', () => {
  let sut: Harness;
  let admin: Record<string, string>;
  const workers: WorkerProcess[] = [];
  // This file's tests have a cap of their own, and their waits share one deadline inside it.
  jest.setTimeout(scaled(CAP_MS));
  beforeEach(() => setTestDeadline(deadlineIn(CAP_MS - TEST_MARGIN_MS)));

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
    admin = { Authorization: await sut.auth.admin(['450103', '450703']) };
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await sut?.close();
  });

  const api = () => request(sut.apiUrl);
  const db = () => sut.database.db;
  const rowOf = (no: string) =>
    db().application.findUniqueOrThrow({ where: { applicationNo: no } });
  const placeOf = async (no: string) => (await rowOf(no)).place as unknown as PlaceRecord | null;
  // The place is recorded beside the status change, not before it: wait for it too.
  const placeReaches = (no: string, state: PlaceRecord['state']) =>
    eventually(async () => {
      const place = await placeOf(no);
      return place?.state === state ? place : undefined;
    }, `${no}'s place to be ${state}`);
  const openOfferOf = async (no: string) => {
    const offer = (await rowOf(no)).offer as unknown as OfferRecord | null;
    return offer && offer.answer === null ? offer : null;
  };
  const until = (no: string, wanted: string) =>
    eventually(
      async () => ((await rowOf(no)).status === wanted ? true : undefined),
      `${no} to reach ${wanted}`,
      120_000,
    );
  const caseOf = async (no: string) =>
    sut.temporal.workflow.getHandle((await rowOf(no)).workflowId);
  /** Runs `work` while the cases' rows are held in a transaction, so their runs' writes wait. */
  const chainOf = (roundId: string, schoolId: string): Promise<WaitlistView> =>
    sut.temporal.workflow.getHandle(waitlistWorkflowId(roundId, schoolId)).query(waitlistViewQuery);
  const offerTexts = async (no: string) =>
    (await db().applicationEvent.findMany({ where: { applicationNo: no } })).filter((e) =>
      e.reason?.startsWith('候补递补'),
    ).length;

  /** Families of a county (those `pick` takes), each with its own token, choosing one school; approved. */
  async function approvedFamilies(
    countyCode: string,
    schoolId: string,
    count: number,
    pick: (f: Family) => boolean = () => true,
  ) {
    const reviewer = { Authorization: await sut.auth.reviewer([countyCode]) };
    const families = [];
    for (const f of registryFamilies
      .filter((x) => x.countyCode === countyCode && pick(x))
      .slice(0, count)) {
      const form = formForFamily(f, { schoolChoices: [schoolId] });
      const family = {
        Authorization: await sut.auth.parent(`family-${f.child.idNumber.slice(-6)}`, form),
      };
      const created = await api().post('/applications').set(family).send(form).expect(201);
      families.push({ no: created.body.applicationNo as string, family });
    }
    for (const { no } of families) await until(no, 'AWAITING_REVIEW');
    for (const { no } of families)
      await api()
        .post(`/applications/${no}/decision`)
        .set(reviewer)
        .send({ decision: 'APPROVE' })
        .expect(200);
    return families;
  }

  const publishedRound = (countyCode: string) =>
    startPublishedRound(sut.apiUrl, admin, countyCode, 120_000);

  /** The round's result for each case, once every case has applied it. */
  async function resultsOf(roundId: string, numbers: readonly string[]) {
    const results = await db().admissionResult.findMany({ where: { roundId } });
    const placed = results
      .filter((r) => (r.placement as { result: string }).result !== 'NOT_PLACED')
      .map((r) => r.applicationNo);
    for (const no of numbers) await until(no, placed.includes(no) ? 'ADMITTED' : 'NOT_ADMITTED');
    return { placed, waiting: numbers.filter((no) => !placed.includes(no)) };
  }

  function verifies(roundId: string) {
    return async () => {
      const verified = await api().get(`/rounds/${roundId}/verify`).set(admin).expect(200);
      expect(verified.body).toMatchObject({ verdict: 'MATCH', differences: [] });
      const script = spawnSync(process.execPath, [built('scripts/verify-round.ts'), roundId], {
        cwd: projectRoot(),
        env: { ...process.env, DATABASE_URL: sut.database.url },
        encoding: 'utf8',
      });
      expect(script.stdout).toMatch(/^MATCH/);
    };
  }

  /** A family whose form names a home its guardian owns: a placement locks it. */
  const ownsItsHome = (f: Family) =>
    f.properties[0]?.kind === 'OWNED' &&
    f.properties[0].holders.some((h) => f.guardians.some((g) => g.idNumber === h.idNumber));

  it('passes a lapsed place down the list: an unanswered offer lapses, a terminated case’s offer too, the next family accepts and is placed', async () => {
    await db().county.update({
      where: { code: '450703' },
      data: { confirmWindowMs: SHORT, offerWindowMs: SHORT },
    });
    await db().school.update({ where: { id: '450703-P01' }, data: { places: 1 } });
    const families = await approvedFamilies('450703', '450703-P01', 4, ownsItsHome);
    const numbers = families.map((f) => f.no);
    const familyOf = (no: string) => families[numbers.indexOf(no)]!.family;
    const roundId = await publishedRound('450703');
    const { placed, waiting } = await resultsOf(roundId, numbers);
    expect(placed).toHaveLength(1);
    const [holder] = placed;
    // The round locks the home of the family it placed, as the accepted offer must below.
    expect(await db().housingLock.count({ where: { applicationNo: holder! } })).toBe(1);

    // The family sees its deadline; it never answers, and the place lapses to the waitlist.
    const view = await api().get(`/applications/${holder}`).set(familyOf(holder!)).expect(200);
    expect(view.body.place).toMatchObject({
      schoolId: '450703-P01',
      state: 'AWAITING_CONFIRMATION',
      text: { zh: expect.stringContaining('逾期视为放弃') },
    });
    await until(holder!, 'LAPSED');
    await placeReaches(holder!, 'LAPSED');

    // The first on the list is offered the place and lets the offer lapse.
    const offeredTo = async (count: number) =>
      eventually(
        async () => {
          const c = await chainOf(roundId, '450703-P01').catch(() => undefined);
          return c && c.offers.length >= count ? c.offers[count - 1]!.applicationNo : undefined;
        },
        `the place to reach offer ${count}`,
        120_000,
      );
    const first = await offeredTo(1);
    // The second holds the offer when an operator terminates its case: no answer ever comes, so
    // the chain must find out for itself (past the deadline and a grace) and move on.
    const second = await offeredTo(2);
    expect((await chainOf(roundId, '450703-P01')).offers[0]).toMatchObject({
      position: 0,
      answer: 'LAPSED',
    });
    expect(await openOfferOf(first)).toBeNull();
    expect((await rowOf(first)).offer).toMatchObject({ answer: 'LAPSED' });
    await eventually(async () => (await openOfferOf(second)) ?? undefined, 'the second offer');
    await sut.temporal.workflow
      .getHandle((await rowOf(second)).workflowId)
      .terminate('an operator ends the case');
    const third = await offeredTo(3);
    expect(waiting).toEqual(expect.arrayContaining([first, second, third]));
    expect((await chainOf(roundId, '450703-P01')).offers[1]).toMatchObject({
      applicationNo: second,
      answer: 'LAPSED',
    });
    const offer = await eventually(
      async () => (await openOfferOf(third)) ?? undefined,
      'the third family’s offer',
    );
    const mine = await api().get(`/applications/${third}`).set(familyOf(third)).expect(200);
    expect(mine.body.offer).toMatchObject({ id: offer.id, schoolId: '450703-P01' });
    expect(mine.body.admission).toMatchObject({ result: 'NOT_ADMITTED' });
    await api().post(`/applications/${third}/offer/accept`).set(familyOf(third)).expect(200);
    await until(third, 'ADMITTED');
    expect(await placeReaches(third, 'CONFIRMED')).toMatchObject({ via: 'OFFER' });
    // The chain closes the place once the case has told it.
    const release = await eventually(
      async () =>
        (await db().releasedPlace.findFirst({ where: { releasedBy: holder!, state: 'TAKEN' } })) ??
        undefined,
      'the lapsed place to be taken',
    );
    expect(release).toMatchObject({ reason: 'LAPSED', takenBy: third });
    // Placed as the round places: its home locked, its admission the school it took. The family
    // that let its place lapse keeps its lock, as a released round place always has.
    expect(await db().housingLock.count({ where: { applicationNo: third } })).toBe(1);
    expect(await db().housingLock.count({ where: { applicationNo: holder! } })).toBe(1);
    const admitted = await api().get(`/applications/${third}`).set(familyOf(third)).expect(200);
    expect(admitted.body.admission).toMatchObject({
      roundId,
      result: 'ADMITTED',
      schoolId: '450703-P01',
      explanation: { zh: expect.stringContaining('递补学位') },
    });
    // The platform heard of the lapse and of the accepted offer, with the school.
    await eventually(
      () =>
        sut.simulator.callbacks.find(
          (c) => c.body.applicationNo === third && c.body.status === 'ADMITTED',
        ),
      'the accepted offer to reach the platform',
    );
    await verifies(roundId)();
  });

  it('re-offers a declined place, survives a killed worker mid-chain, and leaves an untaken place to 补录', async () => {
    await db().county.update({
      where: { code: '450103' },
      data: { confirmWindowMs: LONG, offerWindowMs: LONG },
    });
    await db().school.update({ where: { id: '450103-P01' }, data: { places: 2 } });
    await db().school.update({ where: { id: '450103-P02' }, data: { places: 0 } });
    const families = await approvedFamilies('450103', '450103-P01', 5);
    const numbers = families.map((f) => f.no);
    const familyOf = (no: string) => families[numbers.indexOf(no)]!.family;
    const roundId = await publishedRound('450103');
    const { placed, waiting } = await resultsOf(roundId, numbers);
    expect(placed).toHaveLength(2);
    const [decliner, leaver] = placed as [string, string];

    // A decline before the deadline: DECLINED, the place released, offered to the first waiting.
    // The waiting families' rows are held, so the offered case is still recording its offer when
    // the family answers: the answer waits for that, it is not refused.
    const { offered, accepting } = await whileRowsHeld(db(), waiting, async () => {
      await api()
        .post(`/applications/${decliner}/place/decline`)
        .set(familyOf(decliner))
        .expect(200);
      await until(decliner, 'DECLINED');
      await api()
        .post(`/applications/${decliner}/place/confirm`)
        .set(familyOf(decliner))
        .expect(409);
      const no = await eventually(async () => {
        for (const w of waiting) if ((await (await caseOf(w)).query(caseViewQuery)).offer) return w;
        return undefined;
      }, 'the declined place to be offered');
      const update = await (
        await caseOf(no)
      ).startUpdate(answerOfferUpdate, {
        args: [{ answer: 'ACCEPT', actor: 'family' }],
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
      return { offered: no, accepting: update };
    });
    expect(await accepting.result()).toMatchObject({ status: 'ADMITTED' });
    const order = (await chainOf(roundId, '450103-P01')).offers;
    expect(order.map((o) => o.applicationNo)).toEqual([offered]);
    await until(offered, 'ADMITTED');
    await api().post(`/applications/${offered}/offer/accept`).set(familyOf(offered)).expect(409);

    // The other placed family declines while the only worker is a process that is then killed.
    await sut.stopWorker();
    workers.push(await spawnWorkerProcess(workerProcessEnv(sut)));
    await api().post(`/applications/${leaver}/place/decline`).set(familyOf(leaver)).expect(200);
    const rest = waiting.filter((no) => no !== offered);
    const next = await eventually(async () => {
      for (const no of rest) if (await openOfferOf(no)) return no;
      return undefined;
    }, 'the second place to be offered');
    await workers[0]!.kill();
    workers.push(await spawnWorkerProcess(workerProcessEnv(sut)));
    // Everyone left declines, down to the end of the list.
    const answered = new Set<string>();
    let current: string | undefined = next;
    while (current) {
      await api().post(`/applications/${current}/offer/decline`).set(familyOf(current)).expect(200);
      answered.add(current);
      const after = await eventually(async () => {
        const c = await chainOf(roundId, '450103-P01');
        if (c.chain.offer) {
          const open = c.offers[c.offers.length - 1]!;
          return answered.has(open.applicationNo) ? undefined : open.applicationNo;
        }
        return c.chain.unfilled.length ? null : undefined;
      }, 'the chain to move on');
      current = after ?? undefined;
    }
    const chain = await chainOf(roundId, '450103-P01');
    // One offer per family on the list, each once, in the published order; one holder.
    const positions = chain.offers.map((o) => o.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect(new Set(chain.offers.map((o) => o.applicationNo)).size).toBe(chain.offers.length);
    expect(chain.chain.filled).toHaveLength(1);
    expect(chain.chain.unfilled).toHaveLength(1);
    for (const { applicationNo } of chain.offers) expect(await offerTexts(applicationNo)).toBe(1);
    expect(
      await db().releasedPlace.findMany({ orderBy: { releasedBy: 'asc' }, where: { roundId } }),
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ releasedBy: decliner, state: 'TAKEN', takenBy: offered }),
        expect.objectContaining({ releasedBy: leaver, state: 'UNFILLED', takenBy: null }),
      ]),
    );

    // The 补录 round counts the unfilled place and places one of the children still waiting.
    const second = await publishedRound('450103');
    const basis = (await api().get(`/rounds/${second}`).set(admin)).body.basis;
    expect(basis.schools).toEqual(
      expect.arrayContaining([
        { schoolId: '450103-P01', places: 2, placedEarlier: 2, released: 1, capacity: 1 },
      ]),
    );
    const again = await resultsOf(second, rest);
    expect(again.placed).toHaveLength(1);
    await verifies(roundId)();
    await verifies(second)();

    // A 补录 round that froze a family just before it accepted an offer delivers it a place it
    // cannot take (sent here by hand, late, as that race would): the place goes to the chain.
    const late: AdmissionDelivery = {
      roundId: second,
      result: 'ADMITTED',
      schoolId: '450103-P01',
      schoolName: '450103-P01',
      explanation: { zh: '录取', en: 'Admitted' },
      housingLock: null,
      confirmBy: null,
    };
    await sut.temporal.workflow
      .getHandle((await rowOf(offered)).workflowId)
      .signal(admissionResultSignal, late);
    const given = await eventually(
      async () =>
        (await db().releasedPlace.findFirst({ where: { roundId: second, releasedBy: offered } })) ??
        undefined,
      'the untaken place to be released',
    );
    expect(given).toMatchObject({ schoolId: '450103-P01', reason: 'MOVED' });
    expect(await placeOf(offered)).toMatchObject({ state: 'CONFIRMED', via: 'OFFER' });
    expect((await rowOf(offered)).status).toBe('ADMITTED');

    // SIGTERM ends the last worker cleanly even if the chain's call to a case is in flight (no
    // other worker answers it): the call gives up, and the next worker retries it.
    const last = workers.at(-1)!;
    await last.stop();
    expect({ signal: last.child.signalCode, code: last.child.exitCode }).toEqual({
      signal: null,
      code: 0,
    });
    expect(last.output()).not.toContain('shutdown step failed');
  });
});
