import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { applicationFormSchema } from '../../domain/forms/application-form';
import { text } from '../../domain/forms/primitives';

export class ApplicationFormDto extends createZodDto(applicationFormSchema) {}

export const reviewDecisionSchema = z
  .strictObject({
    decision: z.enum(['APPROVE', 'REJECT']).describe('APPROVE or REJECT'),
    reason: text(500).optional().describe('Required for REJECT; shown to the family'),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'REJECT' && !value.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'A rejection needs a reason.',
        params: { rule: 'REQUIRED' },
      });
    }
  });

export class ReviewDecisionDto extends createZodDto(reviewDecisionSchema) {}

export class WithdrawalDto extends createZodDto(
  z.strictObject({ reason: text(500).optional().describe('Why the family withdraws (optional)') }),
) {}

/** Idempotency-Key: an opaque client-chosen string, e.g. a UUID. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,128}$/)
  .optional();
