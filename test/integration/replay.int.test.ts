import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { METADATA_ENCODING_KEY } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { projectRoot } from '../../src/config/paths';
import { ADMISSION_ROUND_WORKFLOW_TYPE, ENROLMENT_WORKFLOW_TYPE } from '../../src/contract';
import { temporalDataConverter } from '../../src/temporal/data-converter';
import { ENCRYPTED_ENCODING } from '../../src/temporal/payload-codec';
import { ReplayCheck } from '../../src/case-runs/replay-check';
import { HISTORY_PAYLOAD_KEYS } from '../support/payload-keys';

/**
 * Replays recorded histories of every path of the application and admission-round workflows
 * against the current workflow code, through the operations console's replay check (which also
catches a workflow task the code fails, not only nondeterminism): a change that would break running
cases fails here, before it ships.
 * Re-record with `npm run histories:record` only for a change meant to be incompatible.
 * The histories beside this file were recorded before payload encryption and replay through the
 * codec unchanged (cases started then must keep running); those under encrypted/ were recorded
 * with it.
 */
const dir = join(projectRoot(), 'test', 'histories');
const dataConverter = temporalDataConverter({ PAYLOAD_ENCRYPTION_KEYS: HISTORY_PAYLOAD_KEYS });

async function histories(folder: string) {
  const files = (await readdir(folder)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (f) => ({
      workflowId: f.replace(/\.json$/, ''),
      history: historyFromJSON(JSON.parse(await readFile(join(folder, f), 'utf8'))),
    })),
  );
}

/** The paths recorded before payload encryption; the codec's recordings hold them and more. */
const PLAIN_HISTORIES = [
  'admission-round',
  'admitted-with-housing-lock',
  'approved-then-admitted',
  'cancelled-by-operator',
  'offline-check-then-approved',
  'rejected',
  'reset-then-rejected',
  'review-overdue-then-approved',
  'supplement-expired',
  'supplement-then-approved',
  'withdrawn',
];

describe('replaying recorded histories against the current workflow code', () => {
  const check = new ReplayCheck(dataConverter);

  it('replays every recorded path without a determinism error or a failing workflow task', async () => {
    const recorded = await histories(dir);
    expect(recorded.map((h) => h.workflowId)).toEqual(PLAIN_HISTORIES);
    expect(await replayFailures(recorded)).toEqual([]);
  });

  it('replays the histories recorded with the payload codec', async () => {
    const recorded = await histories(join(dir, 'encrypted'));
    expect(recorded.map((h) => h.workflowId).sort()).toEqual(
      [
        ...PLAIN_HISTORIES,
        'appeal-accepted-then-approved',
        'approved-checks-recorded-with-assessment',
        'approved-first-steps-and-notices-together',
        'approved-notices-one-at-a-time-after-a-refused-batch',
        'facts-confirmed-then-admitted',
        'not-admitted-appeal-accepted-then-admitted',
        'not-admitted-then-supplementary',
        'rejected-then-applied-again',
        'withdrawn-then-applied-again-platform-down',
      ].sort(),
    );
    // Each was recorded through the codec: the workflow's input is ciphertext, so replaying it
    // proves the codec decodes what it wrote.
    for (const { workflowId, history } of recorded) {
      const input =
        history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
      const encodings = input.map((p) =>
        Buffer.from(p.metadata![METADATA_ENCODING_KEY]!).toString(),
      );
      expect(encodings.length).toBeGreaterThan(0);
      expect({ workflowId, encodings }).toEqual({
        workflowId,
        encodings: encodings.map(() => ENCRYPTED_ENCODING),
      });
    }
    expect(await replayFailures(recorded)).toEqual([]);
  });

  async function replayFailures(recorded: Awaited<ReturnType<typeof histories>>) {
    const failures: string[] = [];
    for (const { history, workflowId } of recorded) {
      const verdict = await check.replay(history, workflowId);
      if (!verdict.ok) failures.push(`${workflowId}: ${verdict.error}`);
    }
    return failures;
  }

  it('holds the paths the file names promise: both workflows, lockHousing, the overdue timer', async () => {
    const recorded = new Map((await histories(dir)).map((h) => [h.workflowId, h.history]));
    const events = (name: string) => recorded.get(name)!.events ?? [];
    const typeOf = (name: string) =>
      events(name)[0]!.workflowExecutionStartedEventAttributes!.workflowType!.name;
    const activities = (name: string) =>
      events(name).flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
    expect(new Set([...recorded.keys()].map(typeOf))).toEqual(
      new Set([ENROLMENT_WORKFLOW_TYPE, ADMISSION_ROUND_WORKFLOW_TYPE]),
    );
    expect(typeOf('admission-round')).toBe(ADMISSION_ROUND_WORKFLOW_TYPE);
    expect(activities('admission-round')).toEqual(
      expect.arrayContaining(['freezeRound', 'drawRound', 'deliverResults', 'publishRound']),
    );
    expect(activities('admitted-with-housing-lock')).toContain('lockHousing');
    // The SLA timer fired (the case was flagged overdue) before the approval.
    expect(events('review-overdue-then-approved').some((e) => e.timerFiredEventAttributes)).toBe(
      true,
    );
    expect(activities('review-overdue-then-approved')).toContain('recordCaseDetails');
  });

  /** The recorded encrypted history of one path. */
  async function encrypted(workflowId: string) {
    const recorded = await histories(join(dir, 'encrypted'));
    return recorded.find((h) => h.workflowId === workflowId)!.history;
  }

  function patchesOf(history: Awaited<ReturnType<typeof encrypted>>): string[] {
    return (history.events ?? []).flatMap((e) => {
      const data = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
      return data ? [(JSON.parse(Buffer.from(data).toString()) as { id: string }).id] : [];
    });
  }

  it('holds an unplaced result appealed while waiting for 补录, behind its own patches', async () => {
    const history = await encrypted('not-admitted-appeal-accepted-then-admitted');
    expect(patchesOf(history)).toEqual(
      expect.arrayContaining(['supplementary-rounds', 'unplaced-appeals', 'appeal-answer-effects']),
    );
  });

  it('hands the undelivered notices of a withdrawn case on when the child applies again, behind its patch', async () => {
    const history = await encrypted('withdrawn-then-applied-again-platform-down');
    expect(patchesOf(history)).toContain('notices-handed-on');
    const started = (history.events ?? []).flatMap(
      (e) => e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowType?.name ?? [],
    );
    expect(started).toEqual(['caseNotices']);
  });

  it('records the checks with the first assessment, three activities fewer, behind its patch', async () => {
    const history = await encrypted('approved-checks-recorded-with-assessment');
    expect(patchesOf(history)).toContain('checks-recorded-with-assessment');
    const activities = (history.events ?? []).flatMap(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? [],
    );
    expect(activities).toContain('recordChecksAndAssess');
    expect(activities).not.toContain('recordCheck');
    expect(activities).not.toContain('assessEligibility');
  });

  it('records the first two steps in one activity and sends their notices in one, behind their patches', async () => {
    const history = await encrypted('approved-first-steps-and-notices-together');
    expect(patchesOf(history)).toEqual(
      expect.arrayContaining(['first-steps-together', 'notices-sent-together']),
    );
    const activities = activitiesOf(history);
    expect(activities.filter((a) => a === 'recordTransitions')).toHaveLength(1);
    expect(activities.filter((a) => a === 'notifyPlatformInOrder')).toHaveLength(1);
    // AWAITING_REVIEW and APPROVED: each step after the first two is still recorded alone.
    expect(activities.filter((a) => a === 'recordTransition')).toHaveLength(2);
  });

  it('holds notices sent one at a time after the platform refused them together', async () => {
    const history = await encrypted('approved-notices-one-at-a-time-after-a-refused-batch');
    const failed = (history.events ?? []).filter((e) => e.activityTaskFailedEventAttributes);
    expect(failed.length).toBeGreaterThan(0);
    const activities = activitiesOf(history);
    expect(activities).toContain('notifyPlatformInOrder');
    expect(activities.indexOf('notifyPlatform')).toBeGreaterThan(
      activities.indexOf('notifyPlatformInOrder'),
    );
  });

  function activitiesOf(history: Awaited<ReturnType<typeof encrypted>>): string[] {
    return (history.events ?? []).flatMap(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? [],
    );
  }

  it('fails on a history the current code could not have produced', async () => {
    const [incompatible] = await histories(join(dir, 'incompatible'));
    const verdict = await check.replay(incompatible!.history, incompatible!.workflowId);
    expect(verdict).toMatchObject({ ok: false, determinism: true });
  });
});
