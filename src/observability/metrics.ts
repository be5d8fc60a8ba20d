import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every Prometheus metric of the service, defined once. Two registries because they are filled
 * differently: `processMetrics` by whatever happens in this process (API requests, department
 * calls, checks of the worker's activities, Node's own), `readModelMetrics` by a query of the
 * read model at scrape time, which only the API serves (every API replica reports the same
 * figures: aggregate them with max, not sum).
 */
export const processMetrics = new Registry();
collectDefaultMetrics({ register: processMetrics });

export const httpRequestDuration = new Histogram({
  name: 'gx_enrolment_http_request_duration_seconds',
  help: 'API requests by method, route template (UNMATCHED: answered before routing) and status code.',
  labelNames: ['method', 'route', 'status_code'] as const,
  registers: [processMetrics],
});

export const departmentCallDuration = new Histogram({
  name: 'gx_enrolment_department_call_duration_seconds',
  help: 'Calls to the data-sharing exchange by department interface and outcome (ok, rejected, unavailable, timeout, network_error, bad_response).',
  labelNames: ['department', 'outcome'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [processMetrics],
});

/**
 * The stages of an application's submission (POST /applications), in the order they run: where a
 * submission's time goes under load (docs/performance.md), one series per stage.
 */
export const SUBMISSION_STAGES = [
  'reference_data',
  'submitter',
  'idempotency',
  'existing_case',
  'account_room',
  'admission',
  'application_number',
  'workflow_start',
  'read_model',
] as const;
export type SubmissionStage = (typeof SUBMISSION_STAGES)[number];

export const submissionStageDuration = new Histogram({
  name: 'gx_enrolment_submission_stage_duration_seconds',
  help: `Each stage of an application's submission, whether it went on or refused: ${SUBMISSION_STAGES.join(', ')}.`,
  labelNames: ['stage'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
  registers: [processMetrics],
});

/** Runs one stage of a submission; its time is observed whether it succeeds or throws. */
export async function timedStage<T>(stage: SubmissionStage, work: () => Promise<T>): Promise<T> {
  const observed = submissionStageDuration.startTimer({ stage });
  try {
    return await work();
  } finally {
    observed();
  }
}

export const admissionLimit = new Gauge({
  name: 'gx_enrolment_admission_limit',
  help: 'Submissions this API process takes at once before refusing the next with 429: ADMISSION_MAX_IN_FLIGHT, or lower while steered by ADMISSION_TARGET_LATENCY_MS.',
  registers: [processMetrics],
});

export const verificationChecks = new Counter({
  name: 'gx_enrolment_verification_checks_total',
  help: 'Verification checks: MATCH, MISMATCH, NOT_FOUND or UNAVAILABLE as recorded on the case (once per case and check), error for each attempt that failed.',
  labelNames: ['check', 'outcome'] as const,
  registers: [processMetrics],
});

export const readModelMetrics = new Registry();

export const casesByStatus = new Gauge({
  name: 'gx_enrolment_cases',
  help: 'Applications in the read model by county, stage and status.',
  labelNames: ['county', 'stage', 'status'] as const,
  registers: [readModelMetrics],
});

export const reviewBacklog = new Gauge({
  name: 'gx_enrolment_review_backlog',
  help: "Applications waiting for a reviewer's decision, by county and status.",
  labelNames: ['county', 'status'] as const,
  registers: [readModelMetrics],
});

export const reviewOverdue = new Gauge({
  name: 'gx_enrolment_review_overdue',
  help: "Applications awaiting review for longer than their county's SLA, by county.",
  labelNames: ['county'] as const,
  registers: [readModelMetrics],
});

/** What the API's /metrics serves: both registries. */
export const apiMetrics = Registry.merge([processMetrics, readModelMetrics]);
