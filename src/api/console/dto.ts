import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ENROLMENT_STATUSES, STAGES } from '../../domain/enrolment';
import { text } from '../../domain/forms/primitives';
import { PROBLEMS } from '../../domain/case-history/problems';
import { SUPPLEMENT_ITEM_CODES } from '../../domain/review';
import { decisionFields, rejectionNeedsReason } from '../review/dto';
import { booleanParam, countyCodeParam } from '../query-params';

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

const decisionDelivery = z.strictObject({ kind: z.literal('decision'), ...decisionFields });

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
    if (value.kind === 'decision') rejectionNeedsReason(value, ctx);
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
