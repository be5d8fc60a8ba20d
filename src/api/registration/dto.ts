import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { text } from '../../domain/forms/primitives';

export class BookingDto extends createZodDto(
  z.strictObject({ slotId: text(128).describe('The slot to book') }),
) {}

export class SlotQueryDto extends createZodDto(
  z.strictObject({
    from: z.iso.date().optional().describe('First day, YYYY-MM-DD (default today)'),
    days: z.coerce.number().int().min(1).max(31).default(7).describe('How many days'),
  }),
) {}

export class PointQueryDto extends createZodDto(
  z.strictObject({
    countyCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional()
      .describe('Only points of this county'),
  }),
) {}
