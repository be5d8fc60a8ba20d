import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { applicationFormSchema } from '../../domain/forms/application-form';
import { text } from '../../domain/forms/primitives';
import { SUPPLEMENT_ITEM_CODES } from '../../domain/review';

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
