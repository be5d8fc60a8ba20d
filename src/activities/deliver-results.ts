import { heartbeat } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { admissionResultSignal, type AdmissionDelivery } from '../contract';
import type { EligibilityRepository } from '../db/eligibility-repository';
import type { RoundRepository } from '../db/round-repository';
import type { WaitlistRepository } from '../db/waitlist-repository';
import { deadlineAfter, DEFAULT_CONFIRM_WINDOW_MS } from '../domain/place-confirmation';
import type { AssessmentNote } from '../domain/eligibility/assess';
import { admissionNotice, type ReportingArrangement } from '../domain/admission-notice';
import { explainResult } from '../domain/allocation/explain';
import { DEFAULT_POLICY } from '../domain/eligibility/policy';
import { releaseToChain } from './place-release';

type UndeliveredRow = Awaited<ReturnType<RoundRepository['undelivered']>>[number];
type Round = Awaited<ReturnType<RoundRepository['get']>>;

/** What the notices of a round's placed children read: each school's name, address, reporting. */
interface NoticeData {
  readonly names: ReadonlyMap<string, string>;
  readonly schools: ReadonlyMap<string, { readonly name: string; readonly address: string | null }>;
  readonly reporting: ReadonlyMap<string, ReportingArrangement>;
  /** When a placed family must have confirmed (报到) or declined. */
  readonly confirmBy: string;
}

/** How many cases are signalled at once within a batch. */
const CONCURRENCY = 20;

/** What a case is told of its result; a placed guardian-owned home is locked until `lockedUntil`. */
function deliveryOf(
  roundId: string,
  row: UndeliveredRow,
  data: NoticeData,
  lockedUntil: string,
  ineligibleBecause: readonly { zh: string; en: string }[],
): AdmissionDelivery {
  const placement = row.placement;
  const schoolId = placement.result === 'NOT_PLACED' ? null : placement.schoolId;
  const school = schoolId ? data.schools.get(schoolId) : undefined;
  return {
    roundId,
    result: placement.result === 'NOT_PLACED' ? 'NOT_ADMITTED' : placement.result,
    schoolId,
    schoolName: schoolId && (data.names.get(schoolId) ?? schoolId),
    explanation: explainResult(
      { applicantId: row.application_no, placement, choices: row.choices },
      data.names,
      { eligible: row.entry.eligible, notes: ineligibleBecause },
    ),
    housingLock:
      placement.result !== 'NOT_PLACED' && row.entry.certificateNo
        ? { certificateNo: row.entry.certificateNo, lockedUntil }
        : null,
    notice:
      schoolId && school
        ? admissionNotice({ id: schoolId, ...school }, data.reporting.get(schoolId) ?? null)
        : null,
    confirmBy: schoolId ? data.confirmBy : null,
  };
}

/**
 * Signals a result to the case's run. A run that has ended since the freeze (withdrawn, cancelled
 * or terminated) cannot take it: a place the result names goes back to its school's chain, as the
 * case itself gives back a place it can no longer take, so no place is lost.
 */
async function signalResult(
  temporal: Client,
  waitlists: WaitlistRepository,
  row: UndeliveredRow,
  delivery: AdmissionDelivery,
): Promise<void> {
  try {
    await temporal.workflow
      .getHandle(row.workflow_id, row.run_id)
      .signal(admissionResultSignal, delivery);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    if (delivery.schoolId === null) return;
    await releaseToChain(waitlists, temporal, {
      roundId: delivery.roundId,
      schoolId: delivery.schoolId,
      applicationNo: row.application_no,
      reason: 'NOT_TAKEN',
    });
  }
}

/** Why a child was not eligible, in the assessment's words (its latest version). */
async function notesOf(eligibility: EligibilityRepository, applicationNo: string) {
  const assessment = await eligibility.find(applicationNo);
  return ((assessment?.notes ?? []) as unknown as AssessmentNote[]).map(({ zh, en }) => ({
    zh,
    en,
  }));
}

/** The last day a housing lock from this round holds (the county's policy sets the years). */
export async function lockedUntilOf(eligibility: EligibilityRepository, r: Round): Promise<string> {
  const policy = (await eligibility.policy(r.countyCode, r.stage, r.seasonYear)) ?? DEFAULT_POLICY;
  return `${r.seasonYear + policy.lockYears[r.stage]}-08-31`;
}

/** The round's one confirmation deadline: the county's period from the draw, the same each batch. */
async function confirmByOf(waitlists: WaitlistRepository, r: Round): Promise<string> {
  const windowMs = (await waitlists.windows(r.countyCode))?.confirmWindowMs;
  const drawnAt = (r.drawnAt ?? new Date()).toISOString();
  return deadlineAfter(drawnAt, windowMs ?? DEFAULT_CONFIRM_WINDOW_MS);
}

/**
 * Signals the next batch of results to their application workflows, a few at a time. A batch
 * cut short by a crash is sent again; the cases ignore a second delivery of the same round.
 */
export function deliverResultsActivity(
  rounds: RoundRepository,
  eligibility: EligibilityRepository,
  temporal: Client,
  waitlists: WaitlistRepository,
) {
  return async (
    roundId: string,
    batchSize: number,
  ): Promise<{ delivered: number; remaining: number }> => {
    const r = await rounds.get(roundId);
    const schools = await rounds.schools(r.countyCode, r.stage);
    const data: NoticeData = {
      names: new Map(schools.map((s) => [s.id, s.nameZh])),
      schools: new Map(schools.map((s) => [s.id, { name: s.nameZh, address: s.address }])),
      reporting: await rounds.reporting(r.countyCode, r.stage, r.seasonYear),
      confirmBy: await confirmByOf(waitlists, r),
    };
    const lockedUntil = await lockedUntilOf(eligibility, r);
    const batch = await rounds.undelivered(roundId, batchSize);
    const delivered: string[] = [];
    for (let i = 0; i < batch.length; i += CONCURRENCY) {
      await Promise.all(
        batch.slice(i, i + CONCURRENCY).map(async (row) => {
          const because = row.entry.eligible ? [] : await notesOf(eligibility, row.application_no);
          await signalResult(
            temporal,
            waitlists,
            row,
            deliveryOf(roundId, row, data, lockedUntil, because),
          );
          delivered.push(row.application_no);
        }),
      );
      heartbeat(delivered.length);
    }
    await rounds.markDelivered(roundId, delivered);
    const progress = await rounds.deliveryProgress(roundId);
    return { delivered: delivered.length, remaining: progress.results - progress.delivered };
  };
}
