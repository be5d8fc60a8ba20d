import type { AppealRecord } from '../domain/appeals';
import type { OfferRecord, PlaceRecord } from '../domain/place-confirmation';
import type { Stage } from '../domain/enrolment';
import type { FactConfirmation } from '../domain/eligibility/confirmations';
import type { CheckResults } from '../domain/eligibility/facts-from-checks';
import type { CheckActivityName, CheckResult } from '../domain/verification/checks';
import type { AdmissionDelivery } from './admission';
import type {
  OfflineCheckConfirmation,
  SupplementProvided,
  SupplementRequest,
} from './case-actions';
import type { EnrolmentApplicationInput, TimelineEntry } from './enrolment-workflow';
import type { StatusNotice } from './platform-notice';
import type { RetentionActivities } from './retention';
import type { WaitlistActivities } from './waitlist';
import type { EarlyWarningActivities } from './warnings';

/**
 * The activities' signatures: what the workflows schedule and the worker implements
 * (`createActivities` is checked against this), so neither side imports the other.
 */

/** What a case records in the read model beside its timeline. */
export interface CaseDetails {
  readonly reviewOverdue?: boolean;
  readonly supplementRequest?: SupplementRequest | null;
  readonly supplement?: SupplementProvided & { readonly seq: number };
  readonly offlineCheck?: OfflineCheckConfirmation;
  readonly admission?: AdmissionDelivery;
  readonly appeal?: AppealRecord;
  readonly place?: PlaceRecord;
  readonly offer?: OfferRecord;
}

export interface EligibilitySummary {
  readonly eligible: boolean;
  /** The predicate is absent in summaries recorded before it was part of them. */
  readonly tiers: readonly {
    readonly schoolId: string;
    readonly tier: number;
    readonly predicate?: string;
  }[];
  readonly notes: readonly string[];
}

/** A later assessment of a case: its version, why it is made, every confirmation so far. */
export interface Reassessment {
  readonly version: number;
  readonly cause: string;
  readonly confirmations: readonly FactConfirmation[];
}

/** One department check: asks the registry and compares with the form. */
export type CheckActivity = (input: EnrolmentApplicationInput) => Promise<CheckResult>;

export interface CaseActivities {
  recordTransition(
    application: EnrolmentApplicationInput,
    workflowId: string,
    runId: string,
    entry: TimelineEntry,
  ): Promise<void>;
  /** Steps the case took at once (its first two), in order: one activity for all of them. */
  recordTransitions(
    application: EnrolmentApplicationInput,
    workflowId: string,
    runId: string,
    entries: readonly TimelineEntry[],
  ): Promise<void>;
  recordCheck(
    applicationNo: string,
    check: string,
    result: CheckResult,
    checkedAt: string,
  ): Promise<void>;
  recordCaseDetails(applicationNo: string, details: CaseDetails): Promise<void>;
  /**
   * The automatic checks' outcomes recorded (as `recordCheck`) and the first assessment made on
   * them, in one activity: a case's verification is three activities fewer for the engine.
   */
  recordChecksAndAssess(
    input: EnrolmentApplicationInput,
    checks: CheckResults,
    checkedAt: string,
  ): Promise<EligibilitySummary>;
  /** Without a reassessment: the first assessment, on the automatic checks alone. */
  assessEligibility(
    input: EnrolmentApplicationInput,
    checks: CheckResults,
    reassessment?: Reassessment,
  ): Promise<EligibilitySummary>;
  notifyPlatform(notice: StatusNotice): Promise<void>;
  /** Notices waiting together, in order, in one activity. */
  notifyPlatformInOrder(notices: readonly StatusNotice[]): Promise<void>;
  lockHousing(
    certificateNo: string,
    stage: Stage,
    lockedUntil: string,
    applicationNo: string,
  ): Promise<void>;
}

/** One activity per registered check, named by the registry (domain/verification/checks). */
export type VerificationActivities = Record<CheckActivityName, CheckActivity>;

export interface AdmissionRoundActivities {
  freezeRound(roundId: string): Promise<{ applicants: number; listHash: string }>;
  drawRound(roundId: string): Promise<{ admitted: number; bureau: number; notPlaced: number }>;
  deliverResults(
    roundId: string,
    batchSize: number,
  ): Promise<{ delivered: number; remaining: number }>;
  publishRound(roundId: string): Promise<void>;
}

export type Activities = CaseActivities &
  WaitlistActivities &
  VerificationActivities &
  AdmissionRoundActivities &
  RetentionActivities &
  EarlyWarningActivities;
