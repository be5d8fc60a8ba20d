import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { text } from '../../domain/forms/primitives';
import { APPEAL_EFFECTS } from '../../domain/appeals';
import { appealDecisionSchema } from '../../domain/review-schema';
import { isoTime } from '../response-fields';

export class AppealDto extends createZodDto(
  z.strictObject({
    reason: text(500).describe('Why the family asks for the result to be reviewed'),
  }),
) {}

export class AppealDecisionDto extends createZodDto(appealDecisionSchema) {}

const bilingual = z.object({ zh: z.string(), en: z.string() });

/** What the family (and officials) read about an appeal of the case's result. */
export const appealView = z
  .object({
    state: z
      .enum(['OPEN', 'PENDING', 'UPHELD', 'ACCEPTED'])
      .describe('OPEN: may be appealed until the deadline; PENDING: the bureau is reviewing it'),
    deadline: isoTime.describe('The last moment an appeal is taken'),
    filedAt: isoTime.optional(),
    decidedAt: isoTime.optional(),
    reason: z.string().optional().describe("The bureau's answer, in its own words"),
    text: bilingual.describe('What it means, in Chinese and English'),
    effect: z
      .enum(APPEAL_EFFECTS)
      .optional()
      .describe(
        'What the answer changed: RESULT_STANDS; REVIEWED_AGAIN (a rejection or no place goes back to review); BETTER_PLACE_SOUGHT (the place is kept, the next 补录 round looks for a higher-ranked choice); OVERTAKEN (placed meanwhile)',
      ),
    next: bilingual.optional().describe('What happens next, in Chinese and English'),
  })
  .nullable()
  .describe('The appeal (复核) of a rejection or placement: whether one is open, and its answer');
