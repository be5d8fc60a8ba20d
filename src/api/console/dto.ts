import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CHECK_OUTCOMES, ENROLMENT_STATUSES, STAGES } from '../../domain/enrolment';
import { text } from '../../domain/forms/primitives';
import { PROBLEMS } from '../../domain/case-history/problems';
import { SUPPLEMENT_ITEM_CODES } from '../../domain/review';
import { decisionFields, decisionNeedsItsFields } from '../../domain/review-schema';
import { booleanParam, countyCodeParam } from '../query-params';
import { dbTime, isoTime, settled, stage, status, storedJson } from '../response-fields';

const applicationNos = z
  .array(text(32))
  .min(1)
  .max(100)
  .refine((nos) => new Set(nos).size === nos.length, {
    message: 'Each case may be listed once.',
    params: { rule: 'DUPLICATE_ITEMS' },
  })
  .describe('The cases to act on, each once and on its own (at most 100)');
const reason = text(500).describe('Why: written to the audit log and Temporal, shown on the case');
const dryRun = z.boolean().default(false).describe('List what would change; change nothing');

export class StuckCasesQueryDto extends createZodDto(
  z.strictObject({
    status: z.enum(ENROLMENT_STATUSES).optional(),
    countyCode: countyCodeParam
      .optional()
      .describe('One county of your scope (default: all of it)'),
    stage: z.enum(STAGES).optional(),
    problem: z
      .enum(PROBLEMS)
      .optional()
      .describe('Only cases showing this problem (default: any problem)'),
    overdue: booleanParam.optional(),
    minAttempts: z.coerce
      .number()
      .int()
      .min(2)
      .max(1000)
      .default(3)
      .describe('An activity on this attempt or later counts as failing'),
    minHoursInState: z.coerce
      .number()
      .min(0)
      .max(24 * 365)
      .default(72)
      .describe('A case in one status this long counts as LONG_IN_STATE'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    pageToken: z
      .string()
      .max(4096)
      .regex(/^[A-Za-z0-9_.-]+$/)
      .optional()
      .describe('nextPageToken of the previous page (same filters)'),
  }),
) {}

export class ProblemCountsQueryDto extends createZodDto(
  z.strictObject({
    countyCode: countyCodeParam.optional(),
    minAttempts: z.coerce.number().int().min(2).max(1000).default(3),
    minHoursInState: z.coerce
      .number()
      .min(0)
      .max(24 * 365)
      .default(72),
  }),
) {}

const decisionDelivery = z.strictObject({
  kind: z.literal('decision'),
  ...decisionFields,
  approvalId: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .describe("A reviewer's approval of this decision (POST /applications/{no}/repair-approval)"),
});

const supplementDelivery = z.strictObject({
  kind: z.literal('supplement'),
  items: z
    .array(
      z.strictObject({
        item: z.enum(SUPPLEMENT_ITEM_CODES as [string, ...string[]]),
        text: text(1000).optional(),
        attachments: z
          .array(z.string().regex(/^[0-9a-f]{64}$/))
          .max(10)
          .default([])
          .describe('SHA-256 of documents already uploaded to the case'),
      }),
    )
    .min(1)
    .max(10),
});

export const deliverySchema = z
  .discriminatedUnion('kind', [decisionDelivery, supplementDelivery])
  .superRefine((value, ctx) => {
    if (value.kind === 'decision') decisionNeedsItsFields(value, ctx);
  });
export type Delivery = z.infer<typeof deliverySchema>;

const resetFields = {
  fromStep: z.number().int().min(1).max(1000).optional().describe('Timeline step to go back to'),
  fromStatus: z
    .enum(ENROLMENT_STATUSES)
    .optional()
    .describe('Or: go back to the last time the case entered this status'),
  deliver: deliverySchema
    .optional()
    .describe('A decision or supplement to deliver right after the reset, replacing the first one'),
  reason,
  dryRun,
};

const oneTarget = (value: { fromStep?: number; fromStatus?: string }, ctx: z.RefinementCtx) => {
  if ((value.fromStep === undefined) === (value.fromStatus === undefined))
    ctx.addIssue({
      code: 'custom',
      path: ['fromStep'],
      message: 'Name exactly one of fromStep or fromStatus.',
      params: { rule: 'RESET_ONE_TARGET' },
    });
};

export class ResetDto extends createZodDto(z.strictObject(resetFields).superRefine(oneTarget)) {}

export class BulkResetDto extends createZodDto(
  z.strictObject({ ...resetFields, applicationNos }).superRefine(oneTarget),
) {}

export class RetryDto extends createZodDto(
  z.strictObject({
    activityType: text(64).optional().describe('Only this activity (default: every failing one)'),
    reason,
    dryRun,
  }),
) {}

export class BulkRetryDto extends createZodDto(
  z.strictObject({
    activityType: text(64).optional(),
    reason,
    dryRun,
    applicationNos,
  }),
) {}

export class CloseDto extends createZodDto(z.strictObject({ reason, dryRun })) {}

export class BulkCloseDto extends createZodDto(
  z.strictObject({ reason, dryRun, applicationNos }),
) {}

// Responses

const problems = z.array(z.enum(PROBLEMS));
const temporalUiLink = z.object({
  temporalUi: z.string().describe("The run in Temporal's Web UI"),
});

export class StuckCasesPageDto extends createZodDto(
  z.object({
    items: z.array(
      z.object({
        applicationNo: z.string().nullable(),
        workflowId: z.string(),
        runId: z.string(),
        status: status.nullable(),
        countyCode: z.string().nullable(),
        stage: stage.nullable(),
        inStatusSince: isoTime.nullable(),
        reviewOverdue: z.boolean(),
        problems,
        failingActivities: z.array(
          z.object({
            activityType: z.string(),
            attempt: z.number().int(),
            lastFailure: z.string().nullable(),
            nextAttemptAt: isoTime.nullable(),
          }),
        ),
        workflowTaskAttempt: z.number().int(),
        links: temporalUiLink,
      }),
    ),
    scanned: z.number().int().describe('Running cases looked at for this page'),
    nextPageToken: z.string().nullable(),
  }),
) {}

export class ProblemCountsDto extends createZodDto(
  z.object({
    byStatus: z.record(z.string(), z.number().int()).describe('Cases per status (read model)'),
    running: z.number().int(),
    byProblem: z.record(z.string(), z.number().int()).describe('Running cases per problem'),
    scanned: z.number().int(),
    complete: z.boolean().describe('false when the scan stopped at its limit'),
  }),
) {}

export class CaseInspectionDto extends createZodDto(
  z.object({
    applicationNo: z.string(),
    workflowId: z.string(),
    runId: z.string(),
    runStatus: z.string(),
    status,
    countyCode: z.string(),
    stage,
    problems,
    timeline: z.array(
      z.object({
        step: z.number().int(),
        from: status.nullable(),
        to: status,
        actor: z.string(),
        reason: z.string().nullable(),
        at: isoTime,
      }),
    ),
    evidence: z.array(
      z.object({
        check: z.string(),
        outcome: z.enum(CHECK_OUTCOMES),
        mismatchedFields: z.array(z.string()),
        evidence: storedJson,
        checkedAt: isoTime,
      }),
    ),
    assessment: z
      .object({
        applicationNo: z.string(),
        policyVersion: z.string(),
        eligible: z.boolean(),
        notes: storedJson,
        schools: storedJson,
        autoFill: storedJson,
        facts: storedJson,
        assessedAt: dbTime,
      })
      .nullable(),
    pendingActivities: z
      .array(
        z.object({
          activityId: z.string(),
          activityType: z.string(),
          state: z.string(),
          attempt: z.number().int(),
          maximumAttempts: z.number().int(),
          lastFailure: z.string().nullable(),
          lastAttemptAt: isoTime.nullable(),
          nextAttemptAt: isoTime.nullable(),
        }),
      )
      .readonly(),
    workflowTask: z.object({
      attempt: z.number().int(),
      lastFailure: z.object({ at: isoTime, cause: z.string(), message: z.string() }).nullable(),
    }),
    history: z
      .array(
        z.object({
          at: isoTime,
          eventIds: z.array(z.number().int()).readonly(),
          text: z.string(),
          resetPoint: z.number().int().nullable().describe('A step the case can be reset to'),
        }),
      )
      .describe("Temporal's history in steps a person reads"),
    resets: z.array(
      z.object({
        at: isoTime,
        previousRunId: z.string(),
        runId: z.string(),
        keptThroughStep: z.number().int(),
        undone: storedJson,
      }),
    ),
    audit: z.array(
      z.object({
        at: isoTime,
        actor: z.string(),
        role: z.string(),
        action: z.string(),
        before: z.string().nullable(),
        after: z.string().nullable(),
        reason: z.string().nullable(),
        details: storedJson,
      }),
    ),
    links: temporalUiLink,
  }),
  { codec: true },
) {}

export class ReplayVerdictDto extends createZodDto(
  z.object({
    ok: z.boolean().describe('true: the current code replays the history'),
    applicationNo: z.string(),
    runId: z.string(),
    events: z.number().int(),
    determinism: z
      .boolean()
      .optional()
      .describe('When not ok: true if the code no longer makes the recorded decisions'),
    error: z.string().optional(),
  }),
) {}

const retryOutcome = z.object({
  applicationNo: z.string(),
  dryRun: z.boolean(),
  activities: z.array(
    z.object({
      activityId: z.string(),
      activityType: z.string(),
      attempt: z.number().int(),
      lastFailure: z.string().nullable(),
    }),
  ),
});

const plannedAction = z.object({
  action: z.string(),
  by: z.string(),
  at: isoTime,
  eventId: z.number().int().nullable(),
});

const resetOutcome = z.object({
  applicationNo: z.string(),
  dryRun: z.boolean(),
  plan: z.object({
    fromStep: z.number().int(),
    resetEventId: z.number().int(),
    resumesFrom: status.nullable(),
    undoneStatuses: z.array(z.string()).readonly(),
    sequence: z.array(plannedAction.extend({ delivered: z.boolean() })),
    reapply: z.array(plannedAction).describe("People's later decisions, re-applied"),
    superseded: z.array(plannedAction),
    redoneByCode: z.array(z.string()).readonly().describe("The code's work, redone"),
  }),
  runId: z.string().optional().describe('The new run (absent in a dry run)'),
  results: z
    .array(
      z.object({
        action: z.string(),
        by: z.string(),
        applied: z.boolean(),
        status: z.string().optional(),
        refusal: z.string().optional(),
      }),
    )
    .optional(),
  status: status.optional(),
});

const closeOutcome = z.object({
  applicationNo: z.string(),
  dryRun: z.boolean(),
  from: status,
  to: z.string().optional().describe('Dry run: the status it would close with'),
  status: z.string().optional().describe('The status it closed with'),
  platformNotified: z.boolean().optional(),
});

export class RetryOutcomeDto extends createZodDto(retryOutcome) {}
export class ResetOutcomeDto extends createZodDto(resetOutcome) {}
export class CloseOutcomeDto extends createZodDto(closeOutcome) {}

function bulkOutcome<T extends z.ZodType>(each: T) {
  return z.object({
    succeeded: z.number().int(),
    failed: z.number().int(),
    results: z.array(settled(each)),
  });
}

export class BulkRetryOutcomeDto extends createZodDto(bulkOutcome(retryOutcome)) {}
export class BulkResetOutcomeDto extends createZodDto(bulkOutcome(resetOutcome)) {}
export class BulkCloseOutcomeDto extends createZodDto(bulkOutcome(closeOutcome)) {}
