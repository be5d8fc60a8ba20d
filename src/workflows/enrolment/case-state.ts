import {
  ActivityFailure,
  CancellationScope,
  condition,
  patched,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { AppealRecord } from '../../domain/appeals';
import type { AdmissionNotice } from '../../domain/admission-notice';
import type { OfferRecord, PlaceRecord } from '../../domain/place-confirmation';
import type { CheckOutcome, EnrolmentStatus } from '../../domain/enrolment';
import type { FactConfirmation } from '../../domain/eligibility/confirmations';
import type { CheckResults } from '../../domain/eligibility/facts-from-checks';
import {
  EnrolmentStatusKey,
  ReviewOverdueKey,
  statusNotice,
  type AdmissionDelivery,
  type CancellationNote,
  type CaseView,
  type EligibilitySummary,
  type EnrolmentApplicationInput,
  type StatusNotice,
  type SupplementRequest,
  type TimelineEntry,
  type TransitionResult,
} from '../../contract';
import {
  notifyPlatform,
  notifyPlatformInOrder,
  recordTransition,
  recordTransitions,
} from './case-activities';

export const SYSTEM_ACTOR = 'system';

/** Runs from this patch on send the notices waiting together in one activity. */
export const NOTICES_SENT_TOGETHER = 'notices-sent-together';

/**
 * One case as its workflow holds it. Handlers and steps change it; `takeStep` is the only way its
 * status changes, and every change goes to the search attributes, the read model (`moveTo`, or
 * `recordSteps` for steps taken together) and, through the outbox in order, the platform.
 */
export class EnrolmentCase {
  status: EnrolmentStatus = 'SUBMITTED';
  readonly timeline: TimelineEntry[] = [];
  readonly checks: Partial<Record<string, CheckOutcome>> = {};
  /** A final status is reached or on its way: nothing else may happen to the case. */
  settled = false;
  /** A person's action is being applied: the next waits for it (validators refuse meanwhile). */
  busy = false;
  reviewOverdue = false;
  reviewStartedAt = 0;
  supplementRequest: SupplementRequest | null = null;
  /** The round result to apply; a case waiting for a 补录 round takes the next one. */
  admission: AdmissionDelivery | null = null;
  /** The rounds whose result the case has applied: a repeated delivery changes nothing. */
  readonly roundsApplied: string[] = [];
  cancellationNote: CancellationNote | null = null;
  /** The automatic checks' results, which every later assessment starts from. */
  checkResults: CheckResults = {};
  /** What people confirmed since, in order; each assessment applies all of them. */
  readonly confirmations: FactConfirmation[] = [];
  /** The latest assessment and its version (null until the first). */
  eligibility: EligibilitySummary | null = null;
  assessmentVersion = 0;
  supplementsProvided = 0;
  /** While the result may be appealed: until when (domain/appeals.ts); null otherwise. */
  appealDeadline: string | null = null;
  /** The period for appealing the last result passed without an appeal. */
  appealClosed = false;
  /** The appeal of the current result, once filed. */
  appeal: AppealRecord | null = null;
  /** The unplaced result (its timeline seq) whose appeal period has opened (unplaced-appeals.ts). */
  appealFor: number | null = null;
  /** A 补录 round's result for a case keeping its place after an appeal (reconsideration.ts). */
  betterPlace: AdmissionDelivery | null = null;
  /** Confirmation (报到) and waitlist offers apply to this run (enrolment/place.ts). */
  placesEnabled = false;
  /** The place held and its confirmation; the latest waitlist offer and its school's notice. */
  place: PlaceRecord | null = null;
  offer: OfferRecord | null = null;
  offerNotice: AdmissionNotice | null = null;
  /** The home the offered place would rest on, locked if the family accepts. */
  offerLock: AdmissionDelivery['housingLock'] = null;
  /**
   * The child applied again (enrolment/applying-again.ts): a rejection's appeal period ends now,
   * unused, and the notices not yet delivered go on without this run.
   */
  appliedAgain = false;
  /** The account the platform's notices name: the submitter's, or the family's that claimed it. */
  ownerSub: string | null;
  private readonly outbox: StatusNotice[] = [];
  private closing = false;
  private readonly run: { readonly workflowId: string; readonly runId: string };

  constructor(readonly input: EnrolmentApplicationInput) {
    const { workflowId, runId } = workflowInfo();
    this.run = { workflowId, runId };
    this.ownerSub = input.ownerSub;
  }

  get active(): boolean {
    return !this.settled;
  }

  view(): CaseView {
    return {
      applicationNo: this.input.applicationNo,
      status: this.status,
      timeline: this.timeline,
      checks: this.checks,
      pendingNotifications: this.outbox.length,
      reviewOverdue: this.reviewOverdue,
      supplementRequest: this.supplementRequest,
      appealDeadline: this.appealDeadline,
      appeal: this.appeal,
      place: this.place,
      offer: this.offer,
    };
  }

  /** Runs a person's action with the case held for it, and answers with where the case ends up. */
  async act(work: () => Promise<void>): Promise<TransitionResult> {
    this.busy = true;
    try {
      await work();
    } finally {
      this.busy = false;
    }
    return { applicationNo: this.input.applicationNo, status: this.status };
  }

  /**
   * A family's answer that may arrive while the case is still recording its own last step (an
   * offer's notice, say): it waits for that step, then is checked again, so the family gets a
   * 409 only when its answer is no longer possible, never because it answered quickly.
   */
  async actWhenFree(check: () => void, work: () => Promise<void>): Promise<TransitionResult> {
    while (this.busy) await condition(() => !this.busy);
    check();
    return this.act(work);
  }

  /** State changes at once (queries see it); the read model and the platform follow. */
  async moveTo(...step: Parameters<EnrolmentCase['takeStep']>): Promise<void> {
    const entry = this.takeStep(...step);
    const { workflowId, runId } = this.run;
    // A cancellation must not abort the write of a step already taken: the timeline stays whole.
    await CancellationScope.nonCancellable(() =>
      recordTransition(this.input, workflowId, runId, entry),
    );
  }

  /** Steps taken one after another at once (`takeStep`), recorded in one activity. */
  recordSteps(entries: readonly TimelineEntry[]): Promise<void> {
    const { workflowId, runId } = this.run;
    return CancellationScope.nonCancellable(() =>
      recordTransitions(this.input, workflowId, runId, entries),
    );
  }

  /**
   * A status change on the case, its search attributes and its outbox, not yet in the read model:
   * `moveTo` records it at once; a step taken with others goes to `recordSteps` with them.
   */
  takeStep(
    to: EnrolmentStatus,
    actor: string,
    reason: string | null,
    at = new Date(),
    school?: StatusNotice['school'],
    admissionNotice?: StatusNotice['admissionNotice'],
  ): TimelineEntry {
    const { input, timeline } = this;
    const entry: TimelineEntry = {
      seq: timeline.length + 1,
      from: timeline.length ? this.status : null,
      to,
      actor,
      channel: timeline.length ? null : input.form.channel,
      reason,
      at: at.toISOString(),
    };
    timeline.push(entry);
    this.status = to;
    const updates: Parameters<typeof upsertSearchAttributes>[0] = [
      { key: EnrolmentStatusKey, value: to },
    ];
    // A re-assessment notes itself without moving the case: the review's SLA keeps running.
    if (to === 'AWAITING_REVIEW' && entry.from !== to) this.reviewStartedAt = Date.now();
    if (this.reviewOverdue && to !== 'AWAITING_REVIEW') {
      this.reviewOverdue = false;
      updates.push({ key: ReviewOverdueKey, value: false });
    }
    upsertSearchAttributes(updates);
    const application = { applicationNo: input.applicationNo, ownerSub: this.ownerSub };
    this.outbox.push(statusNotice(this.run, application, entry, school, admissionNotice));
    return entry;
  }

  /**
   * Sends the outbox's notices in order until `closeOutbox` and the outbox is empty; a platform
   * outage delays notices, never the case. Not cancellable: an operator's cancellation must still
   * reach the family through the platform.
   */
  notifyInOrder(): Promise<void> {
    return CancellationScope.nonCancellable(async () => {
      for (;;) {
        await condition(() => this.outbox.length > 0 || this.closing);
        if (!this.outbox.length) return;
        this.outbox.splice(0, await this.sendWaitingNotices());
      }
    });
  }

  /**
   * Every notice waiting, in one activity (runs since `NOTICES_SENT_TOGETHER`); when that attempt
   * fails, the first alone, retried until the platform takes it. Answers how many were sent.
   */
  private async sendWaitingNotices(): Promise<number> {
    const waiting = [...this.outbox];
    if (waiting.length > 1 && patched(NOTICES_SENT_TOGETHER)) {
      try {
        await notifyPlatformInOrder(waiting);
        return waiting.length;
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
      }
    }
    await notifyPlatform(waiting[0]!);
    return 1;
  }

  /** No more status changes come: the notifier stops once the outbox is empty. */
  closeOutbox(): void {
    this.closing = true;
  }

  /** The notices the platform has not taken yet, the one being sent first. */
  unsentNotices(): readonly StatusNotice[] {
    return [...this.outbox];
  }
}
