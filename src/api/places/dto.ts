import { z } from 'zod';
import { isoTime } from '../response-fields';

const bilingual = z.object({ zh: z.string(), en: z.string() });

/** The place the case holds and its confirmation (报到), as the family and officials read it. */
export const placeView = z
  .object({
    roundId: z.string(),
    schoolId: z.string(),
    schoolName: z.string(),
    state: z
      .enum(['AWAITING_CONFIRMATION', 'CONFIRMED', 'DECLINED', 'LAPSED'])
      .describe('AWAITING_CONFIRMATION until the family confirms or declines, or the deadline'),
    deadline: isoTime.describe('The last moment to confirm or decline'),
    answeredAt: isoTime.nullable(),
    via: z.enum(['ROUND', 'OFFER']).describe("The round's result, or an accepted waitlist offer"),
    reconsider: z
      .boolean()
      .optional()
      .describe(
        'An accepted appeal (复核): the next 补录 round looks for a place at a school ranked higher; this one is kept otherwise',
      ),
    text: bilingual.describe('What it means and what to do, in Chinese and English'),
  })
  .nullable()
  .describe('The place (学位) and its confirmation (报到确认), once the case is placed');

/** An open waitlist offer (递补). */
export const offerView = z
  .object({
    id: z.string(),
    roundId: z.string(),
    schoolId: z.string(),
    schoolName: z.string(),
    releaseId: z.string(),
    position: z.number().int().describe("The family's place on the school's waitlist (from 0)"),
    deadline: isoTime.describe('The last moment to accept or decline'),
    text: bilingual,
  })
  .nullable()
  .describe('An open waitlist offer of a place, to accept or decline by its deadline');
