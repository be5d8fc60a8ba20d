import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ENROLMENT_STATUSES } from '../../../domain/enrolment';
import { text } from '../../../domain/forms/primitives';
import { SUPPLEMENT_ITEM_CODES } from '../../../domain/review';
import { decisionFields, decisionNeedsItsFields } from '../../../domain/review-schema';
import { isoTime, settled, status } from '../../response-fields';

/** Repairs (retry, reset with a delivery, cancel, terminate) and their bulk forms. */

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
