import type { RetentionCounts } from '../domain/retention/policy';

export const RETENTION_WORKFLOW_TYPE = 'retention';

export interface RetentionInput {
  /** Count what is due, change nothing. */
  readonly dryRun?: boolean;
  /**
   * The instant the policy is applied at; by default the run's own start. Only tests and a re-run
   * of a missed day set it: a later instant anonymises seasons early.
   */
  readonly asOf?: string;
}

export interface RetentionReport extends RetentionCounts {
  readonly dryRun: boolean;
  readonly asOf: string;
  readonly policyVersion: string;
}

/** The retention workflow's signature, for the schedule and `npm run retention`. */
export type RetentionWorkflow = (input?: RetentionInput) => Promise<RetentionReport>;

/** One batch of closed cases anonymised, with their documents deleted from storage. */
export interface AnonymisedBatch {
  readonly casesAnonymised: number;
  readonly documentsDeleted: number;
  readonly auditRowsKept: number;
}

export interface RetentionActivities {
  planRetention(asOf: string): Promise<RetentionCounts>;
  anonymiseDueCases(asOf: string, batchSize: number): Promise<AnonymisedBatch>;
  deleteExpiredIdempotencyRecords(asOf: string): Promise<number>;
}
