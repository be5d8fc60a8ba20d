import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Channel, CheckOutcome, EnrolmentStatus, FormType, Stage } from '../domain/enrolment';

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
}

export interface EnrolmentApplicationInput {
  readonly applicationNo: string;
  readonly seasonYear: number;
  readonly stage: Stage;
  readonly countyCode: string;
  readonly formType: FormType;
  readonly channel: Channel;
  readonly childKey: string;
  readonly childIdMasked: string;
  readonly child: {
    readonly name: string;
    readonly idNumber: string;
    readonly birthDate: string;
    readonly gender: 'MALE' | 'FEMALE';
  };
  readonly guardian: { readonly name: string; readonly mobile: string };
  readonly submittedBy: string;
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
}

export const caseViewQuery = defineQuery<CaseView>('caseView');

export interface ReviewDecision {
  readonly decision: 'APPROVE' | 'REJECT';
  readonly reason?: string;
  readonly reviewerId: string;
}

export interface DecisionResult {
  readonly applicationNo: string;
  readonly status: EnrolmentStatus;
}

export const decideUpdate = defineUpdate<DecisionResult, [ReviewDecision]>('decide');

/** ApplicationFailure types a validator or handler rejects with; the API maps them to HTTP. */
export const FAILURE_TYPES = {
  invalidState: 'INVALID_STATE',
  invalidInput: 'INVALID_INPUT',
  /** A department refused the request itself; retrying it cannot help. */
  departmentRejected: 'DEPARTMENT_REJECTED',
} as const;
