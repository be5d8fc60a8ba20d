import { createZodDto } from 'nestjs-zod';
import { appealView } from '../appeals/dto';
import { offerView, placeView } from '../places/dto';
import { consentView } from '../consent/dto';
import { claimCodeSchema } from '../claims/dto';
import { z } from 'zod';
import { applicationFormSchema } from '../../domain/forms/application-form';
import { text } from '../../domain/forms/primitives';
import { SUPPLEMENT_ITEM_CODES } from '../../domain/review';
import { CHECK_OUTCOMES, FORM_TYPES } from '../../domain/enrolment';
import {
  assessment,
  channel,
  guidance,
  isoTime,
  stage,
  status,
  storedJson,
  timelineEntry,
  transitionResult,
} from '../response-fields';

export class ApplicationFormDto extends createZodDto(applicationFormSchema) {}

export class WithdrawalDto extends createZodDto(
  z.strictObject({ reason: text(500).optional().describe('Why the family withdraws (optional)') }),
) {}

/** Idempotency-Key: an opaque client-chosen string, e.g. a UUID. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,128}$/)
  .optional();

export class SupplementDto extends createZodDto(
  z.strictObject({
    items: z
      .array(
        z.strictObject({
          item: z
            .enum(SUPPLEMENT_ITEM_CODES as [string, ...string[]])
            .describe('Which requested item this answers'),
          text: text(1000).optional().describe('Written answer, if any'),
          attachments: z
            .array(z.string().regex(/^[0-9a-f]{64}$/))
            .max(5)
            .default([])
            .describe('sha256 of documents uploaded to this application'),
        }),
      )
      .min(1)
      .max(10),
  }),
) {}

// Responses

export class SubmissionReceiptDto extends createZodDto(
  z.object({
    applicationNo: z.string(),
    status,
    workflowId: z.string(),
    claim: claimCodeSchema
      .optional()
      .describe(
        'OFFLINE entries: the one-time code for the receipt, with which the family claims the case (shown here only; a retried request gets a new code)',
      ),
  }),
) {}

export class TransitionResultDto extends createZodDto(transitionResult) {}

export class MyApplicationDto extends createZodDto(
  z.object({
    applicationNo: z.string(),
    seasonYear: z.number().int(),
    stage,
    countyCode: z.string(),
    status,
    childName: z.string(),
    submittedAt: isoTime,
    guidance,
  }),
) {}

const temporalLinks = z
  .object({ workflowId: z.string(), runId: z.string(), webUi: z.string() })
  .optional()
  .describe('Officials only: the run in Temporal');

export class ApplicationViewDto extends createZodDto(
  z.object({
    applicationNo: z.string(),
    status,
    statusSource: z.string().describe('workflow (live) or read-model'),
    guidance,
    seasonYear: z.number().int(),
    stage,
    countyCode: z.string(),
    formType: z.enum(FORM_TYPES),
    channel,
    child: z.object({ name: z.string(), idNumber: z.string().describe('Masked') }),
    submittedAt: isoTime,
    timeline: z.array(timelineEntry).readonly(),
    guardianship: z
      .object({ confirmed: z.boolean(), zh: z.string(), en: z.string() })
      .optional()
      .describe(
        "Families: whether the registry (or staff in person) confirmed the guardians are the child's; until then no registry details are shown",
      ),
    consent: consentView,
    appeal: appealView,
    place: placeView,
    offer: offerView,
    verification: z
      .array(
        z.object({
          check: z.string(),
          outcome: z.enum(CHECK_OUTCOMES),
          confirmed: z.boolean().optional().describe('Families: the check in plain words'),
          zh: z.string().optional(),
          en: z.string().optional(),
          about: z
            .object({ zh: z.string(), en: z.string() })
            .optional()
            .describe('Officials: which registry was asked, and on what'),
          mismatchedFields: z.array(z.string()).optional().describe('Officials: the evidence'),
          evidence: storedJson.optional(),
          checkedAt: isoTime.optional(),
        }),
      )
      .describe('Families read each check in plain words; officials see the evidence'),
    priority: z
      .object({
        eligible: z.boolean(),
        notes: storedJson,
        schools: z.array(
          z.object({
            schoolId: z.string(),
            tier: z.number().int(),
            tierNameZh: z.string(),
            tierNameEn: z.string(),
            predicate: z.string().describe('What the tier rests on, e.g. POLICY_CARE'),
          }),
        ),
      })
      .nullable()
      .optional()
      .describe('Families: their tier at each chosen school'),
    registryCorrections: z
      .array(
        z.object({
          field: z.string(),
          stated: z.string().nullable(),
          registry: z.string(),
          agrees: z.boolean(),
        }),
      )
      .optional()
      .describe('Families: what the registries corrected'),
    assessment: assessment.optional().describe('Officials: everything priority used'),
    admission: storedJson.describe('The admission result, once there is one'),
    temporal: temporalLinks,
  }),
) {}

export class AttachmentDto extends createZodDto(
  z.object({
    sha256: z.string(),
    mimeType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    size: z.number().int(),
    fileName: z.string(),
  }),
) {}
