import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import request from 'supertest';
import { projectRoot } from '../../src/config/paths';
import { FIXTURE_FAMILIES } from '../../src/simulator/fixtures';
import { admissionResultSignal } from '../../src/contract';
import { formForFamily } from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import { HISTORY_PAYLOAD_KEYS } from '../support/payload-keys';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

/**
 * `npm run histories:record` (a Jest project of its own, so that Nest gets its decorator
 * metadata): runs the workflows down each of their paths on a real server, with the payload codec
 * on, and saves each history under test/histories/encrypted/, for the replay check in CI (the
 * unencrypted histories in test/histories/ stay, as proof that cases started before encryption
 * still replay). Only the paths without a file are recorded;
 * a recorded history is never overwritten. To re-record one (only for a change meant to be
 * incompatible), delete its file and review the diff.
 */
const dir = join(projectRoot(), 'test', 'histories', 'encrypted');
const COUNTY = '450103';

interface Recorder {
  readonly sut: Harness;
  readonly api: () => ReturnType<typeof request>;
  /** The token of the guardian who submitted the case (each form names its own guardians). */
  family(no: string): Record<string, string>;
  readonly reviewer: Record<string, string>;
  readonly operator: Record<string, string>;
  readonly admin: Record<string, string>;
  /** A truthful form of the next unused family of the county (`owner`: with a home of its own). */
  form(owner?: boolean): Record<string, unknown>;
  submit(body?: Record<string, unknown>): Promise<string>;
  until(no: string, status: string): Promise<{ workflowId: string; runId: string }>;
  decide(no: string, decision: Record<string, unknown>): Promise<void>;
  /** The admission round over three approved families (run once, whichever path asks first). */
  round(): Promise<{ workflowId: string; numbers: readonly string[] }>;
}

/** Each path: the name of its file and how to drive a workflow down it (which run to save). */
type Recording = (r: Recorder) => Promise<{ workflowId: string; runId?: string }>;

const approve = { decision: 'APPROVE' };
const reject = { decision: 'REJECT', reasonCode: 'OTHER', reason: 'recorded' };

const RECORDINGS: Record<string, Recording> = {
  'approved-then-admitted': async (r) => {
    const no = await r.submit();
    await r.until(no, 'AWAITING_REVIEW');
    await r.decide(no, approve);
    const row = await r.until(no, 'APPROVED');
    await r.sut.temporal.workflow
      .getHandle(row.workflowId, row.runId)
      .signal(admissionResultSignal, {
        roundId: 'recorded',
        result: 'ADMITTED',
        schoolId: '450103-P01',
        explanation: { zh: '已录取', en: 'Admitted' },
        housingLock: null,
      });
    return r.until(no, 'ADMITTED');
  },
  'not-admitted-then-supplementary': async (r) => {
    // Not placed by the main round, the case waits and takes the 补录 round's place.
    const no = await r.submit();
    await r.until(no, 'AWAITING_REVIEW');
    await r.decide(no, approve);
    const row = await r.until(no, 'APPROVED');
    const handle = r.sut.temporal.workflow.getHandle(row.workflowId, row.runId);
    await handle.signal(admissionResultSignal, {
      roundId: 'recorded-main',
      result: 'NOT_ADMITTED',
      schoolId: null,
      explanation: { zh: '本轮未录取', en: 'Not admitted in this round' },
      housingLock: null,
    });
    await r.until(no, 'NOT_ADMITTED');
    await handle.signal(admissionResultSignal, {
      roundId: 'recorded-supplementary',
      result: 'ADMITTED',
      schoolId: '450103-P01',
      schoolName: '南宁市青秀区桃源路小学',
      explanation: { zh: '补录录取', en: 'Admitted in the supplementary round' },
      housingLock: null,
    });
    return r.until(no, 'ADMITTED');
  },
  'not-admitted-appeal-accepted-then-admitted': async (r) => {
    // Unplaced, the family appeals while the case waits for 补录; accepted, the case is reviewed
    // again and approved, and the 补录 round places it.
    const no = await r.submit();
    await r.until(no, 'AWAITING_REVIEW');
    await r.decide(no, approve);
    const row = await r.until(no, 'APPROVED');
    const handle = r.sut.temporal.workflow.getHandle(row.workflowId, row.runId);
    await handle.signal(admissionResultSignal, {
      roundId: 'recorded-main',
      result: 'NOT_ADMITTED',
      schoolId: null,
      explanation: { zh: '本轮未录取', en: 'Not admitted in this round' },
      housingLock: null,
    });
    await r.until(no, 'NOT_ADMITTED');
    await eventually(
      async () =>
        (await r.api().get(`/applications/${no}`).set(r.family(no))).body.appeal?.state ===
          'OPEN' || undefined,
      `${no}'s appeal period to open`,
    );
    const appealed = await r
      .api()
      .post(`/applications/${no}/appeal`)
      .set(r.family(no))
      .send({ reason: 'recorded appeal' });
    if (appealed.status !== 200) throw new Error(`appeal refused: ${appealed.text}`);
    const accepted = await r
      .api()
      .post(`/applications/${no}/appeal-decision`)
      .set(r.reviewer)
      .send({ decision: 'ACCEPT', reason: 'recorded answer' });
    if (accepted.status !== 200) throw new Error(`answer refused: ${accepted.text}`);
    await r.until(no, 'AWAITING_REVIEW');
    await r.decide(no, approve);
    await r.until(no, 'APPROVED');
    await handle.signal(admissionResultSignal, {
      roundId: 'recorded-supplementary',
      result: 'ADMITTED',
      schoolId: '450103-P01',
      schoolName: '南宁市青秀区桃源路小学',
      explanation: { zh: '补录录取', en: 'Admitted in the supplementary round' },
      housingLock: null,
      confirmBy: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    return r.until(no, 'ADMITTED');
  },
  rejected: async (r) => {
    const no = await r.submit();
    await r.until(no, 'AWAITING_REVIEW');
    await r.decide(no, reject);
    return r.until(no, 'REJECTED');
  },
  'appeal-accepted-then-approved': async (r) => {
    const no = await r.submit();
    await r.until(no, 'AWAITING_REVIEW');
    await r.decide(no, reject);
    await r.until(no, 'REJECTED');
    const appealed = await r
      .api()
      .post(`/applications/${no}/appeal`)
      .set(r.family(no))
      .send({ reason: 'recorded appeal' });
    if (appealed.status !== 200) throw new Error(`appeal refused: ${appealed.text}`);
    const accepted = await r
      .api()
      .post(`/applications/${no}/appeal-decision`)
      .set(r.reviewer)
      .send({ decision: 'ACCEPT', reason: 'recorded answer' });
    if (accepted.status !== 200) throw new Error(`answer refused: ${accepted.text}`);
    await r.until(no, 'AWAITING_REVIEW');
    await r.decide(no, approve);
    return r.until(no, 'APPROVED');
  },
  'rejected-then-applied-again': async (r) => {
    // Applying again ends the rejection's appeal period unused: the old run closes.
    const body = r.form();
    const no = await r.submit(body);
    await r.until(no, 'AWAITING_REVIEW');
    await r.decide(no, reject);
    const row = await r.until(no, 'REJECTED');
    await eventually(
      async () =>
        (await r.api().get(`/applications/${no}`).set(r.family(no))).body.appeal?.state ===
          'OPEN' || undefined,
      `${no}'s appeal period to open`,
    );
    const again = await r.api().post('/applications').set(r.family(no)).send(body);
    if (again.status !== 201) throw new Error(`re-application refused: ${again.text}`);
    return row;
  },
  'approved-checks-recorded-with-assessment': async (r) => {
    // The checks' outcomes recorded by the first assessment's activity, not one activity each.
    const no = await r.submit();
    await r.until(no, 'AWAITING_REVIEW');
    await r.decide(no, approve);
    return r.until(no, 'APPROVED');
  },
  'approved-first-steps-and-notices-together': async (r) => {
    // SUBMITTED and VERIFYING recorded by one activity, their two notices sent by one.
    const no = await r.submit();
    await r.until(no, 'AWAITING_REVIEW');
    await r.decide(no, approve);
    return r.until(no, 'APPROVED');
  },
  'approved-notices-one-at-a-time-after-a-refused-batch': async (r) => {
    // The platform refuses the first two notices sent together: they go one at a time.
    r.sut.simulator.faults.set('platform-callback', {
      outageUntil: new Date(Date.now() + 3_600_000).toISOString(),
    });
    try {
      const no = await r.submit();
      await r.until(no, 'AWAITING_REVIEW');
      await eventually(
        () =>
          r.sut.simulator.refusedCallbacks.some((c) => c.body.applicationNo === no) || undefined,
        `a notice of ${no} to be refused`,
      );
      r.sut.simulator.faults.clear('platform-callback');
      await r.decide(no, approve);
      const row = await r.until(no, 'APPROVED');
      await eventually(
        () =>
          r.sut.simulator.callbacks.some(
            (c) => c.body.applicationNo === no && c.body.status === 'APPROVED',
          ) || undefined,
        `${no}'s notices to reach the platform`,
      );
      return row;
    } finally {
      r.sut.simulator.faults.clear('platform-callback');
    }
  },
  'withdrawn-then-applied-again-platform-down': async (r) => {
    // The WITHDRAWN notice cannot be delivered: the old run hands it on and closes.
    const body = r.form();
    const no = await r.submit(body);
    await r.until(no, 'AWAITING_REVIEW');
    r.sut.simulator.faults.set('platform-callback', {
      outageUntil: new Date(Date.now() + 3_600_000).toISOString(),
    });
    try {
      await r.api().post(`/applications/${no}/withdraw`).set(r.family(no)).send({});
      const row = await r.until(no, 'WITHDRAWN');
      const again = await r.api().post('/applications').set(r.family(no)).send(body);
      if (again.status !== 201) throw new Error(`re-application refused: ${again.text}`);
      return row;
    } finally {
      r.sut.simulator.faults.clear('platform-callback');
    }
  },
  withdrawn: async (r) => {
    const no = await r.submit();
    await r.until(no, 'AWAITING_REVIEW');
    await r.api().post(`/applications/${no}/withdraw`).set(r.family(no)).send({});
    return r.until(no, 'WITHDRAWN');
  },
  'supplement-then-approved': async (r) => {
    const no = await r.submit();
    await r.until(no, 'AWAITING_REVIEW');
    await r
      .api()
      .post(`/applications/${no}/supplement-request`)
      .set(r.reviewer)
      .send({ items: ['OTHER'] });
    await r
      .api()
      .post(`/applications/${no}/supplement`)
      .set(r.family(no))
      .send({ items: [{ item: 'OTHER', text: 'recorded' }] });
    await r.decide(no, approve);
    return r.until(no, 'APPROVED');
  },
  'supplement-expired': async (r) => {
    const no = await r.submit();
    await r.until(no, 'AWAITING_REVIEW');
    await r
      .api()
      .post(`/applications/${no}/supplement-request`)
      .set(r.reviewer)
      .send({ items: ['OTHER'], deadline: new Date(Date.now() + 2000).toISOString() });
    return r.until(no, 'EXPIRED');
  },
  'offline-check-then-approved': async (r) => {
    r.sut.simulator.faults.set('household', {
      outageUntil: new Date(Date.now() + 60_000).toISOString(),
    });
    const no = await r.submit(formForFamily(FIXTURE_FAMILIES.weiNongLan));
    await r.until(no, 'AWAITING_OFFLINE_CHECK');
    r.sut.simulator.faults.clear();
    await r
      .api()
      .post(`/applications/${no}/offline-check`)
      .set(r.reviewer)
      .send({
        registrationPointId: '450103-RP01',
        staffId: 's',
        itemsSeen: ['HUKOU_BOOKLET'],
        outcome: 'VERIFIED',
      });
    await r.decide(no, approve);
    return r.until(no, 'APPROVED');
  },
  'facts-confirmed-then-admitted': async (r) => {
    r.sut.simulator.faults.set('identity', {
      outageUntil: new Date(Date.now() + 60_000).toISOString(),
    });
    const no = await r.submit(formForFamily(FIXTURE_FAMILIES.liXiaoming));
    await r.until(no, 'AWAITING_OFFLINE_CHECK');
    r.sut.simulator.faults.clear();
    await r
      .api()
      .post(`/applications/${no}/offline-check`)
      .set(r.reviewer)
      .send({
        registrationPointId: '450103-RP01',
        staffId: 's',
        itemsSeen: ['BIRTH_CERTIFICATE'],
        outcome: 'VERIFIED',
        confirms: [{ fact: 'IDENTITY' }],
      });
    await r
      .api()
      .post(`/applications/${no}/facts`)
      .set(r.reviewer)
      .send({ source: 'CORRECTION', confirms: [{ fact: 'POLICY_CARE', category: 'MILITARY' }] });
    await r.decide(no, approve);
    const row = await r.until(no, 'APPROVED');
    await r.sut.temporal.workflow
      .getHandle(row.workflowId, row.runId)
      .signal(admissionResultSignal, {
        roundId: 'recorded',
        result: 'ADMITTED',
        schoolId: '450103-P01',
        schoolName: '南宁市青秀区桃源路小学',
        explanation: { zh: '已录取', en: 'Admitted' },
        housingLock: null,
      });
    return r.until(no, 'ADMITTED');
  },
  'cancelled-by-operator': async (r) => {
    const no = await r.submit();
    await r.until(no, 'AWAITING_REVIEW');
    await r.api().post(`/ops/cases/${no}/cancel`).set(r.operator).send({ reason: 'recorded' });
    return r.until(no, 'CANCELLED');
  },
  'reset-then-rejected': async (r) => {
    const no = await r.submit();
    await r.until(no, 'AWAITING_REVIEW');
    await r.decide(no, approve);
    await r.until(no, 'APPROVED');
    await r
      .api()
      .post(`/ops/cases/${no}/reset`)
      .set(r.operator)
      .send({
        fromStatus: 'APPROVED',
        reason: 'recorded',
        deliver: { kind: 'decision', ...reject },
      });
    return r.until(no, 'REJECTED');
  },
  'review-overdue-then-approved': async (r) => {
    // The county's own SLA (data, read at submission), short enough for the timer to fire here.
    const county = { where: { code: COUNTY } };
    await r.sut.database.db.county.update({ ...county, data: { reviewSlaMs: 1000 } });
    const no = await r.submit();
    await r.sut.database.db.county.update({ ...county, data: { reviewSlaMs: null } });
    await eventually(
      async () =>
        (await r.sut.database.db.application.findUnique({ where: { applicationNo: no } }))
          ?.reviewOverdue || undefined,
      `${no} to be flagged overdue`,
      60_000,
    );
    await r.decide(no, approve);
    return r.until(no, 'APPROVED');
  },
  'admission-round': async (r) => ({ workflowId: (await r.round()).workflowId }),
  'admitted-with-housing-lock': async (r) => {
    // One of the round's cases, placed, with its home locked by lockHousing.
    const { numbers } = await r.round();
    const lock = await eventually(
      async () =>
        (await r.sut.database.db.housingLock.findFirst({
          where: { applicationNo: { in: [...numbers] } },
        })) ?? undefined,
      'a housing lock from the round',
      60_000,
    );
    const no = lock.applicationNo;
    const row = await r.sut.database.db.application.findUniqueOrThrow({
      where: { applicationNo: no },
    });
    return r.until(no, row.status === 'ASSIGNED_BY_BUREAU' ? 'ASSIGNED_BY_BUREAU' : 'ADMITTED');
  },
};

/** Three approved families with a home of their own: the round places them and locks the home. */
async function roundOfThree(r: Recorder) {
  const numbers = [];
  for (let i = 0; i < 3; i += 1) numbers.push(await r.submit(r.form(true)));
  for (const no of numbers) await r.until(no, 'AWAITING_REVIEW');
  for (const no of numbers) await r.decide(no, approve);
  for (const no of numbers) await r.until(no, 'APPROVED');
  const started = await r
    .api()
    .post('/rounds')
    .set(r.admin)
    .send({ countyCode: COUNTY, stage: 'PRIMARY_1', seasonYear: 2026 });
  const roundId = started.body.roundId as string;
  await eventually(
    async () =>
      (await r.api().get(`/rounds/${roundId}`).set(r.admin)).body.status === 'PUBLISHED' ||
      undefined,
    `round ${roundId} to be published`,
    120_000,
  );
  return { workflowId: `admission-round-${roundId}`, numbers };
}

it('records each path of the workflows that has no history yet', async () => {
  const missing = Object.keys(RECORDINGS).filter((n) => !existsSync(join(dir, `${n}.json`)));
  process.stdout.write(`recording: ${missing.join(', ') || 'nothing (all recorded)'}\n`);
  if (missing.length === 0) return;
  const sut = await startHarness({
    workflowBundle: await bundleWorkflows(),
    env: {
      // Short enough that an outage sends a case to the offline check, long enough that a busy
      // machine's slow answers do not.
      VERIFICATION_RETRY_BUDGET_MS: '20000',
      ROUND_DELIVERY_BATCH: '2',
      PAYLOAD_ENCRYPTION_KEYS: HISTORY_PAYLOAD_KEYS,
    },
  });
  try {
    const recorder = await recorderFor(sut);
    for (const name of missing) {
      const run = await RECORDINGS[name]!(recorder);
      const history = await sut.temporal.workflow
        .getHandle(run.workflowId, run.runId)
        .fetchHistory();
      // 'wx': a recorded history is never overwritten, even if the file appeared meanwhile.
      await writeFile(join(dir, `${name}.json`), `${historyToJSON(history)}\n`, { flag: 'wx' });
      process.stdout.write(`recorded ${name}\n`);
    }
  } finally {
    await sut.close();
  }
}, 1_800_000);

async function recorderFor(sut: Harness): Promise<Recorder> {
  const api = () => request(sut.apiUrl);
  // One account per case, signed for the form's own guardian (issue 13's guardianship binding,
  // and its cap of live cases per account).
  const owners = new Map<string, Record<string, string>>();
  const reviewer = { Authorization: await sut.auth.reviewer([COUNTY]) };
  const families = registryFamilies.filter(
    (f) => f.countyCode === COUNTY && f.households[0]!.divisionCode === COUNTY,
  );
  let next = 0;
  const form = (owner = false) => {
    while (owner && families[next]!.properties[0]?.kind !== 'OWNED') next += 1;
    return formForFamily(families[next++]!);
  };
  let round: ReturnType<typeof roundOfThree> | undefined;
  const recorder: Recorder = {
    sut,
    api,
    family: (no) => owners.get(no)!,
    reviewer,
    operator: { Authorization: await sut.auth.operator([COUNTY]) },
    admin: { Authorization: await sut.auth.admin([COUNTY]) },
    form,
    async submit(body = form()) {
      const family = { Authorization: await sut.auth.parent(`family-${owners.size}`, body) };
      const created = await api().post('/applications').set(family).send(body);
      if (created.status !== 201) throw new Error(`submission refused: ${created.text}`);
      const no = created.body.applicationNo as string;
      owners.set(no, family);
      return no;
    },
    until: (no, status) =>
      eventually(
        async () => {
          const row = await sut.database.db.application.findUnique({
            where: { applicationNo: no },
          });
          return row?.status === status
            ? { workflowId: row.workflowId, runId: row.runId }
            : undefined;
        },
        `${no} to reach ${status}`,
        60_000,
      ),
    async decide(no, decision) {
      const decided = await api().post(`/applications/${no}/decision`).set(reviewer).send(decision);
      if (decided.status !== 200) throw new Error(`decision refused: ${decided.text}`);
    },
    round: () => (round ??= roundOfThree(recorder)),
  };
  return recorder;
}
