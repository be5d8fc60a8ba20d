import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Channel, CheckOutcome, EnrolmentStatus } from '../domain/enrolment';
import type { ApplicationForm } from '../domain/forms/application-form';
import type { RejectionReason, SupplementItem } from '../domain/review';

/**
 * The contract of the application workflow: its input, queries and updates. Imported by the API
 * (client side) and the workflow alike, so the two cannot disagree on a name or a shape.
 */

export const ENROLMENT_WORKFLOW_TYPE = 'enrolmentApplication';

export interface EnrolmentSettings {
  /** One call to a department interface, including its HTTP time-out. */
  readonly verificationAttemptTimeoutMs: number;
  /** How long a failing department interface is retried before the check is UNAVAILABLE. */
  readonly verificationRetryBudgetMs: number;
  /** A review still pending after this long is flagged overdue (the county's SLA). */
  readonly reviewSlaMs: number;
}

export interface EnrolmentApplicationInput {
  readonly applicationNo: string;
  readonly form: ApplicationForm;
  readonly childKey: string;
  readonly childIdMasked: string;
  /** The family account that owns the case (null: offline entry not linked to an account). */
  readonly ownerSub: string | null;
  readonly submittedBy: string;
  readonly registrationPointId: string | null;
  readonly submittedAt: string;
  readonly settings: EnrolmentSettings;
}

export interface TimelineEntry {
  readonly seq: number;
  readonly from: EnrolmentStatus | null;
  readonly to: EnrolmentStatus;
  readonly actor: string;
  readonly channel: Channel | null;
  readonly reason: string | null;
  readonly at: string;
}

export interface CaseView {
  readonly applicationNo: string;
  readonly status: EnrolmentStatus;
  readonly timeline: readonly TimelineEntry[];
  readonly checks: Readonly<Partial<Record<string, CheckOutcome>>>;
  /** Status changes not yet acknowledged by the platform. */
  readonly pendingNotifications: number;
  /** The review has been pending longer than the county's SLA. */
  readonly reviewOverdue: boolean;
  readonly supplementRequest: SupplementRequest | null;
}

export const caseViewQuery = defineQuery<CaseView>('caseView');

export interface ReviewDecision {
  readonly decision: 'APPROVE' | 'REJECT';
  readonly reasonCode?: RejectionReason;
  readonly reason?: string;
  readonly reviewerId: string;
}

export interface SupplementRequest {
  readonly items: readonly SupplementItem[];
  readonly note?: string;
  /** When the supplement must be in; past it the case expires. */
  readonly deadline: string;
  readonly reviewerId: string;
}

export interface AttachmentRef {
  readonly sha256: string;
  readonly mimeType: 'application/pdf' | 'image/jpeg' | 'image/png';
  readonly size: number;
  readonly fileName: string;
}

export interface SupplementProvided {
  readonly items: readonly {
    readonly item: SupplementItem;
    readonly text?: string;
    readonly attachments: readonly AttachmentRef[];
  }[];
  readonly actor: string;
}

export interface OfflineCheckConfirmation {
  readonly registrationPointId: string;
  readonly staffId: string;
  readonly itemsSeen: readonly SupplementItem[];
  readonly outcome: 'VERIFIED' | 'NOT_VERIFIED';
  readonly note?: string;
  readonly reviewerId: string;
}

export interface Withdrawal {
  readonly actor: string;
  readonly reason?: string;
}

export interface TransitionResult {
  readonly applicationNo: string;
  readonly status: EnrolmentStatus;
}

export const decideUpdate = defineUpdate<TransitionResult, [ReviewDecision]>('decide');
export const withdrawUpdate = defineUpdate<TransitionResult, [Withdrawal]>('withdraw');
export const requestSupplementUpdate = defineUpdate<TransitionResult, [SupplementRequest]>(
  'requestSupplement',
);
export const provideSupplementUpdate = defineUpdate<TransitionResult, [SupplementProvided]>(
  'provideSupplement',
);
export const confirmOfflineCheckUpdate = defineUpdate<TransitionResult, [OfflineCheckConfirmation]>(
  'confirmOfflineCheck',
);

/** What the platform (桂通办) is told of each status change. */
export interface StatusNotice {
  readonly deliveryId: string;
  readonly applicationNo: string;
  readonly ownerSub: string | null;
  readonly seq: number;
  readonly status: EnrolmentStatus;
  readonly previousStatus: EnrolmentStatus | null;
  readonly reason: string | null;
  readonly at: string;
}

/** ApplicationFailure types a validator or handler rejects with; the API maps them to HTTP. */
export const FAILURE_TYPES = {
  invalidState: 'INVALID_STATE',
  invalidInput: 'INVALID_INPUT',
  /** A department refused the request itself; retrying it cannot help. */
  departmentRejected: 'DEPARTMENT_REJECTED',
} as const;

/** An admission round's result for one case (DESIGN.md §5), delivered once per round. */
export interface AdmissionDelivery {
  readonly roundId: string;
  readonly result: 'ADMITTED' | 'ASSIGNED_BY_BUREAU' | 'NOT_ADMITTED';
  readonly schoolId: string | null;
  readonly explanation: { readonly zh: string; readonly en: string };
  /** The housing certificate the place rests on, locked once the place is taken. */
  readonly housingLock: { readonly certificateNo: string; readonly lockedUntil: string } | null;
}

export const admissionResultSignal = defineSignal<[AdmissionDelivery]>('admissionResult');

/**
 * Who closes a case and why. Sent just before Temporal's cancellation request, which carries
 * neither to the workflow; the case records it on the timeline as it closes as CANCELLED.
 */
export interface CancellationNote {
  readonly actor: string;
  readonly reason: string;
}

export const cancellationNoteSignal = defineSignal<[CancellationNote]>('cancellationNote');

export const ADMISSION_ROUND_WORKFLOW_TYPE = 'admissionRound';
