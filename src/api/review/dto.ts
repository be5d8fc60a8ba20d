import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CHECK_OUTCOMES, STAGES } from '../../domain/enrolment';
import { text } from '../../domain/forms/primitives';
import { factConfirmationSchema } from '../../domain/eligibility/confirmations';
import { SUPPLEMENT_ITEM_CODES } from '../../domain/review';
import { reviewDecisionSchema } from '../../domain/review-schema';
import { booleanParam, countyCodeParam } from '../query-params';
import { isoTime, refusal, stage, status, storedJson, transitionResult } from '../response-fields';

const supplementItem = z.enum(SUPPLEMENT_ITEM_CODES as [string, ...string[]]);
const confirmedFacts = z
  .array(factConfirmationSchema)
  .max(6)
  .describe('Each fact a document confirms (or, with confirmed: false, withdraws)');

export class ReviewDecisionDto extends createZodDto(reviewDecisionSchema) {}

export class SupplementRequestDto extends createZodDto(
  z.strictObject({
    items: z.array(supplementItem).min(1).max(10).describe('What the family must provide'),
    note: text(500).optional().describe('Explanation for the family'),
    deadline: z.iso
      .datetime({ offset: true })
      .optional()
      .describe("Deadline; default: now + the county's supplement period"),
  }),
) {}

export class OfflineCheckDto extends createZodDto(
  z
    .strictObject({
      registrationPointId: text(64).describe('Where the documents were seen'),
      staffId: text(64).describe('Who saw them'),
      itemsSeen: z.array(supplementItem).min(1).max(10).describe('Which documents were seen'),
      outcome: z
        .enum(['VERIFIED', 'NOT_VERIFIED'])
        .describe('Whether they confirm the application'),
      confirms: confirmedFacts
        .optional()
        .describe('VERIFIED only: the facts the documents confirm; each leads to a new assessment'),
      note: text(500).optional(),
    })
    .refine((check) => check.outcome === 'VERIFIED' || !check.confirms?.length, {
      path: ['confirms'],
      message: 'Only a VERIFIED check confirms facts.',
    }),
) {}

export class FactsConfirmedDto extends createZodDto(
  z.strictObject({
    source: z
      .enum(['SUPPLEMENT', 'CORRECTION'])
      .describe("SUPPLEMENT: the family's supplement proves them; CORRECTION: the reviewer's own"),
    confirms: confirmedFacts.min(1),
    note: text(500).optional().describe('Why, for the audit log'),
  }),
) {}

export class BatchApproveDto extends createZodDto(
  z.strictObject({
    applicationNos: z.array(text(32)).min(1).max(100).describe('Applications to approve'),
  }),
) {}

export class QueueQueryDto extends createZodDto(
  z.strictObject({
    status: z.enum(['AWAITING_REVIEW', 'AWAITING_OFFLINE_CHECK', 'NEEDS_SUPPLEMENT']).optional(),
    stage: z.enum(STAGES).optional(),
    countyCode: countyCodeParam.optional(),
    school: text(32).optional().describe('Applications choosing this school'),
    tier: z.coerce.number().min(1).max(20).optional().describe('Tier at the first choice'),
    outcome: z
      .enum(CHECK_OUTCOMES)
      .optional()
      .describe('Applications with a check of this outcome'),
    overdue: booleanParam.optional(),
    sort: z
      .enum(['submitted', 'waiting'])
      .default('submitted')
      .describe('Oldest submitted, or longest waiting, first'),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  }),
) {}

// Responses

export class ReviewQueuePageDto extends createZodDto(
  z.object({
    items: z.array(
      z.object({
        applicationNo: z.string(),
        status,
        stage,
        countyCode: z.string(),
        childName: z.string(),
        submittedAt: isoTime,
        waitingSince: isoTime,
        overdue: z.boolean(),
        firstChoice: z.string().nullable(),
        firstChoiceTier: z.number().int().nullable(),
        checks: z.array(z.string()).describe('Outcome of each check, e.g. IDENTITY:MATCH'),
      }),
    ),
    nextCursor: z.string().nullable().describe('cursor of the next page; null on the last'),
  }),
) {}

export class ReviewCountsDto extends createZodDto(
  z.object({
    byStatus: z.record(z.string(), z.number().int()).describe('Cases per status'),
    overdue: z.number().int(),
  }),
) {}

export class ReviewTransitionDto extends createZodDto(transitionResult) {}

export class AssessmentVersionsDto extends createZodDto(
  z.array(
    z.object({
      version: z.number().int().describe('1 = after the automatic checks'),
      cause: z.string().describe('Why it was made: the source, who, and the facts confirmed'),
      confirmations: storedJson.describe('Every confirmation applied, in order'),
      policyVersion: z.string(),
      eligible: z.boolean(),
      notes: storedJson,
      schools: storedJson.describe('Tier, predicate and evidence per chosen school'),
      facts: storedJson.describe('The verified facts it rested on'),
      assessedAt: isoTime,
    }),
  ),
) {}

export class BatchApprovalDto extends createZodDto(
  z.object({
    approved: z.number().int(),
    failed: z.number().int(),
    results: z.array(
      z.union([z.object({ applicationNo: z.string(), ok: z.boolean(), status }), refusal]),
    ),
  }),
) {}

export class RepairApprovalDto extends createZodDto(
  z.object({
    applicationNo: z.string(),
    approvalId: z
      .string()
      .describe('The operator passes it as deliver.approvalId of /ops/cases/{no}/reset'),
  }),
) {}
