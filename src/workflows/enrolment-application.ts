import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  isCancellation,
  proxyActivities,
  setHandler,
  TimeoutFailure,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  DECIDABLE_STATUSES,
  WITHDRAWABLE_STATUSES,
  type CheckOutcome,
  type EnrolmentStatus,
} from '../domain/enrolment';
import {
  CHECK_ACTIVITY,
  checksFor,
  type Check,
  type CheckResult,
} from '../domain/verification/checks';
import {
  caseViewQuery,
  confirmOfflineCheckUpdate,
  decideUpdate,
  FAILURE_TYPES,
  provideSupplementUpdate,
  requestSupplementUpdate,
  withdrawUpdate,
  admissionResultSignal,
  cancellationNoteSignal,
  type AdmissionDelivery,
  type CancellationNote,
  type OfflineCheckConfirmation,
  type SupplementProvided,
  type SupplementRequest,
  type EnrolmentApplicationInput,
  type ReviewDecision,
  type StatusNotice,
  type TimelineEntry,
  type TransitionResult,
  type Withdrawal,
  EnrolmentStatusKey,
  ReviewOverdueKey,
  type Activities,
  type EnrolmentOutcome,
} from '../contract';

const SYSTEM_ACTOR = 'system';
// APPROVED is not final: the case waits for its county's admission round.
const FINAL_STATUSES: readonly EnrolmentStatus[] = [
  'REJECTED',
  'WITHDRAWN',
  'EXPIRED',
  'ADMITTED',
  'ASSIGNED_BY_BUREAU',
  'NOT_ADMITTED',
  'CANCELLED',
];

// The read model and the platform must eventually hear of every change whatever their outages,
// so recording and notifying retry without limit (backing off to once a few minutes).
const {
  recordTransition,
  recordCheck,
  notifyPlatform,
  assessEligibility,
  recordCaseDetails,
  lockHousing,
} = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** One family's application, from submission to the reviewer's decision (DESIGN.md §3). */
export async function enrolmentApplication(
  input: EnrolmentApplicationInput,
): Promise<EnrolmentOutcome> {
  const { workflowId, runId } = workflowInfo();
  // Handlers change these; `as` keeps TypeScript from narrowing them to their first values.
  let status = 'SUBMITTED' as EnrolmentStatus;
  const timeline: TimelineEntry[] = [];
  const checks: Partial<Record<string, CheckOutcome>> = {};
  const outbox: StatusNotice[] = [];
  /** A final status is reached or on its way: nothing else may happen to the case. */
  let settled = false;
  /** A person's action is being applied: the next waits for it (validators refuse meanwhile). */
  let busy = false;
  let reviewOverdue = false;
  let reviewStartedAt = 0;
  let supplementRequest = null as SupplementRequest | null;
  let admission = null as AdmissionDelivery | null;
  let cancellationNote = null as CancellationNote | null;
  const verification = new CancellationScope();

  const refuse = (
    action: string,
    why = `The case is ${status}; "${action}" is not accepted in that state.`,
  ) => {
    throw ApplicationFailure.create({
      type: FAILURE_TYPES.invalidState,
      message: why,
      details: [{ currentStatus: status, action }],
    });
  };
  const requireState = (allowed: readonly EnrolmentStatus[], action: string) => {
    if (settled || busy || !allowed.includes(status)) refuse(action);
  };
  const invalid = (path: string, message: string) => {
    throw ApplicationFailure.create({
      type: FAILURE_TYPES.invalidInput,
      message,
      details: [{ path }],
    });
  };
  /** Runs a person's action with the case held for it, and answers with where the case ends up. */
  const act = async (work: () => Promise<void>): Promise<TransitionResult> => {
    busy = true;
    try {
      await work();
    } finally {
      busy = false;
    }
    return { applicationNo: input.applicationNo, status };
  };

  // A round may deliver again after a crash; the first delivery counts, repeats change nothing.
  setHandler(admissionResultSignal, (delivery: AdmissionDelivery) => {
    if (status === 'APPROVED' && admission === null) admission = delivery;
  });

  setHandler(cancellationNoteSignal, (note: CancellationNote) => {
    cancellationNote = note;
  });

  setHandler(caseViewQuery, () => ({
    applicationNo: input.applicationNo,
    status,
    timeline,
    checks,
    pendingNotifications: outbox.length,
    reviewOverdue,
    supplementRequest,
  }));

  setHandler(
    decideUpdate,
    (decision: ReviewDecision) =>
      act(async () => {
        settled = true;
        const reason =
          decision.decision === 'REJECT'
            ? `${decision.reasonCode ?? 'OTHER'}: ${decision.reason ?? ''}`.trim()
            : (decision.reason ?? null);
        await moveTo(
          decision.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED',
          decision.reviewerId,
          reason,
        );
      }),
    {
      validator: (decision: ReviewDecision) => {
        requireState(DECIDABLE_STATUSES, decision.decision);
        if (decision.decision === 'REJECT' && !decision.reason?.trim())
          invalid('reason', 'A rejection needs a reason the family can read.');
      },
    },
  );

  setHandler(
    withdrawUpdate,
    (withdrawal: Withdrawal) =>
      act(async () => {
        settled = true;
        verification.cancel();
        await moveTo('WITHDRAWN', withdrawal.actor, withdrawal.reason ?? null);
      }),
    { validator: (_withdrawal: Withdrawal) => requireState(WITHDRAWABLE_STATUSES, 'WITHDRAW') },
  );

  setHandler(
    requestSupplementUpdate,
    (request: SupplementRequest) =>
      act(async () => {
        supplementRequest = request;
        const pending = moveTo(
          'NEEDS_SUPPLEMENT',
          request.reviewerId,
          `${request.items.join(', ')}${request.note ? `: ${request.note}` : ''} (by ${request.deadline})`,
        );
        await Promise.all([
          pending,
          recordCaseDetails(input.applicationNo, { supplementRequest: request }),
        ]);
      }),
    {
      validator: (request: SupplementRequest) => {
        requireState(DECIDABLE_STATUSES, 'REQUEST_SUPPLEMENT');
        if (request.items.length === 0) invalid('items', 'Name at least one item.');
        if (!(Date.parse(request.deadline) > Date.now()))
          invalid('deadline', 'The deadline must be in the future.');
      },
    },
  );

  setHandler(
    provideSupplementUpdate,
    (provided: SupplementProvided) =>
      act(async () => {
        const items = provided.items.map((i) => i.item).join(', ');
        // The timeline moves first, so a deadline firing now finds the supplement already in.
        const pending = moveTo('AWAITING_REVIEW', provided.actor, `Supplement provided: ${items}`);
        const seq = timeline.length;
        supplementRequest = null;
        await Promise.all([
          pending,
          recordCaseDetails(input.applicationNo, {
            supplementRequest: null,
            supplement: { seq, ...provided },
          }),
        ]);
      }),
    {
      validator: (_provided: SupplementProvided) => {
        requireState(['NEEDS_SUPPLEMENT'], 'PROVIDE_SUPPLEMENT');
        if (supplementRequest && Date.now() >= Date.parse(supplementRequest.deadline))
          refuse('PROVIDE_SUPPLEMENT', 'The supplement deadline has passed.');
      },
    },
  );

  setHandler(
    confirmOfflineCheckUpdate,
    (confirmation: OfflineCheckConfirmation) =>
      act(async () => {
        const pending = moveTo(
          'AWAITING_REVIEW',
          confirmation.reviewerId,
          `Offline check ${confirmation.outcome} at ${confirmation.registrationPointId} by ${confirmation.staffId}: ${confirmation.itemsSeen.join(', ')}${confirmation.note ? ` (${confirmation.note})` : ''}`,
        );
        await Promise.all([
          pending,
          recordCaseDetails(input.applicationNo, { offlineCheck: confirmation }),
        ]);
      }),
    {
      validator: (_confirmation: OfflineCheckConfirmation) =>
        requireState(['AWAITING_OFFLINE_CHECK'], 'CONFIRM_OFFLINE_CHECK'),
    },
  );

  /** State changes at once (queries see it); the read model and the platform follow. */
  async function moveTo(
    to: EnrolmentStatus,
    actor: string,
    reason: string | null,
    at = new Date(),
  ): Promise<void> {
    const entry: TimelineEntry = {
      seq: timeline.length + 1,
      from: timeline.length ? status : null,
      to,
      actor,
      channel: timeline.length ? null : input.form.channel,
      reason,
      at: at.toISOString(),
    };
    timeline.push(entry);
    status = to;
    const updates: Parameters<typeof upsertSearchAttributes>[0] = [
      { key: EnrolmentStatusKey, value: to },
    ];
    if (to === 'AWAITING_REVIEW') reviewStartedAt = Date.now();
    if (reviewOverdue && to !== 'AWAITING_REVIEW') {
      reviewOverdue = false;
      updates.push({ key: ReviewOverdueKey, value: false });
    }
    upsertSearchAttributes(updates);
    outbox.push({
      deliveryId: `${workflowId}/${runId}/${entry.seq}`,
      applicationNo: input.applicationNo,
      ownerSub: input.ownerSub,
      seq: entry.seq,
      status: to,
      previousStatus: entry.from,
      reason,
      at: entry.at,
    });
    // A cancellation must not abort the write of a step already taken: the timeline stays whole.
    await CancellationScope.nonCancellable(() => recordTransition(input, workflowId, runId, entry));
  }

  /** One notice at a time, in order; a platform outage delays notices, never the case. */
  let closing = false;
  // Not cancellable: an operator's cancellation must still reach the family through the platform.
  const notifying = CancellationScope.nonCancellable(async () => {
    for (;;) {
      await condition(() => outbox.length > 0 || closing);
      const next = outbox[0];
      if (!next) return;
      await notifyPlatform(next);
      outbox.shift();
    }
  });

  const active = () => !settled;

  /** The case from submission to a final status; an operator's cancellation can end it anywhere. */
  async function runCase(): Promise<void> {
    // Same entry the API wrote on submission (same seq and time), so this write is a no-op there.
    await moveTo('SUBMITTED', input.submittedBy, null, new Date(input.submittedAt));
    if (active()) await moveTo('VERIFYING', SYSTEM_ACTOR, null);
    if (active()) {
      const results = await verification
        .run(() => verifyAll(input))
        .catch((error: unknown) => {
          if (isCancellation(error)) return undefined;
          throw error;
        });
      if (results && active()) {
        const checkedAt = new Date().toISOString();
        for (const [check, result] of results) checks[check] = result.outcome;
        await Promise.all(
          results.map(([check, result]) =>
            recordCheck(input.applicationNo, check, result, checkedAt),
          ),
        );
        await assessEligibility(input, Object.fromEntries(results));
        const unavailable = results
          .filter(([, result]) => result.outcome === 'UNAVAILABLE')
          .map(([check]) => check);
        if (active()) {
          await (unavailable.length
            ? moveTo(
                'AWAITING_OFFLINE_CHECK',
                SYSTEM_ACTOR,
                `Not verifiable online (${unavailable.join(', ')}); documents will be checked in person.`,
              )
            : moveTo('AWAITING_REVIEW', SYSTEM_ACTOR, null));
        }
      }
    }

    // Durable deadlines: a supplement not in by its deadline expires the case; a review pending past
    // the county's SLA is flagged overdue. Each wait ends early when anything happens to the case.
    while (!FINAL_STATUSES.includes(status)) {
      const seen = timeline.length;
      const changed = () => timeline.length !== seen || busy;
      if (status === 'NEEDS_SUPPLEMENT' && supplementRequest) {
        const remaining = Date.parse(supplementRequest.deadline) - Date.now();
        if (!(await condition(changed, Math.max(remaining, 1)))) {
          settled = true;
          await moveTo(
            'EXPIRED',
            SYSTEM_ACTOR,
            `The supplement was not provided by ${supplementRequest.deadline}.`,
          );
        }
      } else if (status === 'AWAITING_REVIEW' && !reviewOverdue) {
        const remaining = reviewStartedAt + input.settings.reviewSlaMs - Date.now();
        if (!(await condition(changed, Math.max(remaining, 1)))) {
          reviewOverdue = true;
          upsertSearchAttributes([{ key: ReviewOverdueKey, value: true }]);
          await recordCaseDetails(input.applicationNo, { reviewOverdue: true });
        }
      } else if (status === 'APPROVED') {
        await condition(() => admission !== null);
        const delivery = admission!;
        await recordCaseDetails(input.applicationNo, { admission: delivery });
        if (delivery.housingLock && delivery.result !== 'NOT_ADMITTED') {
          await lockHousing(
            delivery.housingLock.certificateNo,
            input.form.stage,
            delivery.housingLock.lockedUntil,
            input.applicationNo,
          );
        }
        await moveTo(delivery.result, `round:${delivery.roundId}`, delivery.explanation.en);
      } else {
        await condition(changed);
      }
      await condition(() => !busy);
    }
  }

  try {
    await runCase();
  } catch (error) {
    if (!isCancellation(error)) throw error;
    await CancellationScope.nonCancellable(async () => {
      settled = true;
      if (!FINAL_STATUSES.includes(status))
        await moveTo(
          'CANCELLED',
          cancellationNote?.actor ?? SYSTEM_ACTOR,
          cancellationNote?.reason ?? 'Cancelled.',
        );
      closing = true;
      await notifying;
    });
    throw error;
  }
  await condition(allHandlersFinished);
  closing = true;
  await notifying;
  return { applicationNo: input.applicationNo, status };
}

/** Every check the form calls for, at once: they ask different departments. */
function verifyAll(input: EnrolmentApplicationInput): Promise<[Check, CheckResult][]> {
  return Promise.all(
    checksFor(input.form).map(async (check): Promise<[Check, CheckResult]> => [
      check,
      await verifyWithinBudget(check, input),
    ]),
  );
}

/**
 * A department that is down is retried with backoff until the case's budget runs out; then the
 * check is UNAVAILABLE and the case goes to offline checking instead of failing (DESIGN.md §3).
 */
async function verifyWithinBudget(
  check: Check,
  input: EnrolmentApplicationInput,
): Promise<CheckResult> {
  const activities = proxyActivities<Activities>({
    startToCloseTimeout: input.settings.verificationAttemptTimeoutMs,
    scheduleToCloseTimeout: input.settings.verificationRetryBudgetMs,
    retry: {
      initialInterval: '1 second',
      backoffCoefficient: 2,
      maximumInterval: '5 minutes',
      nonRetryableErrorTypes: [FAILURE_TYPES.departmentRejected],
    },
  });
  try {
    return await activities[CHECK_ACTIVITY[check]](input);
  } catch (error) {
    if (!(error instanceof ActivityFailure) || isCancellation(error)) throw error;
    const reason =
      error.cause instanceof TimeoutFailure
        ? `retry budget of ${input.settings.verificationRetryBudgetMs} ms exhausted`
        : (error.cause?.message ?? 'department refused the request');
    return { outcome: 'UNAVAILABLE', mismatchedFields: [], evidence: { reason } };
  }
}
