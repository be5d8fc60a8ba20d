import { defineQuery } from '@temporalio/workflow';
import type { Channel, CheckOutcome, EnrolmentStatus } from '../domain/enrolment';
import type { ApplicationForm } from '../domain/forms/application-form';
import type { AppealRecord } from '../domain/appeals';
import type { OfferRecord, PlaceRecord } from '../domain/place-confirmation';
import type { SupplementRequest } from './case-actions';

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
  /** How long a family may appeal a result (the county's period); absent in earlier cases. */
  readonly appealWindowMs?: number;
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

/**
 * The case's first entry, as its workflow records it: the API writes the same one on submission
 * (with the case's row), so the case is readable at once and the workflow's copy is one statement.
 */
export function submissionEntry(input: EnrolmentApplicationInput): TimelineEntry {
  return {
    seq: 1,
    from: null,
    to: 'SUBMITTED',
    actor: input.submittedBy,
    channel: input.form.channel,
    reason: null,
    at: input.submittedAt,
  };
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
  /** Until when the result may be appealed, while the case waits for an appeal. */
  readonly appealDeadline?: string | null;
  readonly appeal?: AppealRecord | null;
  /** The place held and its confirmation (报到); the latest waitlist offer. */
  readonly place?: PlaceRecord | null;
  readonly offer?: OfferRecord | null;
}

export const caseViewQuery = defineQuery<CaseView>('caseView');

/** What the application workflow returns when the case is closed. */
export interface EnrolmentOutcome {
  readonly applicationNo: string;
  readonly status: EnrolmentStatus;
}

/** The application workflow's signature, for typed starts from the API. */
export type EnrolmentApplicationWorkflow = (
  input: EnrolmentApplicationInput,
) => Promise<EnrolmentOutcome>;
