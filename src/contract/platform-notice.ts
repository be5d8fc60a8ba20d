import type { AdmissionNotice } from '../domain/admission-notice';
import type { EnrolmentStatus } from '../domain/enrolment';

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
  /** An admission's school (ADMITTED, ASSIGNED_BY_BUREAU), its id and name. */
  readonly school?: { readonly id: string; readonly name: string };
  /** An admission's notice: the school's address, the reporting time, what to bring. */
  readonly admissionNotice?: AdmissionNotice;
}

/**
 * The notice of one timeline step, whoever took it (the workflow, or an operator's terminate).
 * The delivery id names the run and the step, so the platform drops a repeated delivery.
 */
export function statusNotice(
  run: { readonly workflowId: string; readonly runId: string },
  application: { readonly applicationNo: string; readonly ownerSub: string | null },
  step: {
    readonly seq: number;
    readonly from: EnrolmentStatus | null;
    readonly to: EnrolmentStatus;
    readonly reason: string | null;
    readonly at: string;
  },
  school?: StatusNotice['school'],
  admissionNotice?: AdmissionNotice,
): StatusNotice {
  return {
    deliveryId: `${run.workflowId}/${run.runId}/${step.seq}`,
    applicationNo: application.applicationNo,
    ownerSub: application.ownerSub,
    seq: step.seq,
    status: step.to,
    previousStatus: step.from,
    reason: step.reason,
    at: step.at,
    ...(school && { school }),
    ...(admissionNotice && { admissionNotice }),
  };
}

/** Delivers, in order, the notices a closed case's run left to the platform. */
export type CaseNoticesWorkflow = (notices: readonly StatusNotice[]) => Promise<void>;

export const CASE_NOTICES_WORKFLOW_TYPE = 'caseNotices';

/** The run that carries on one closed case run's notices: at most one per run (run ids are unique). */
export function caseNoticesWorkflowId(caseRunId: string): string {
  return `case-notices-${caseRunId}`;
}
