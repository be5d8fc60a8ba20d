import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { text } from '../../domain/forms/primitives';
import { isoTime } from '../response-fields';

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

// Responses

export class RegistrationPointDto extends createZodDto(
  z.object({
    id: z.string(),
    nameZh: z.string(),
    kind: z.enum(['GOVERNMENT_SERVICE_CENTRE', 'ADMISSIONS_OFFICE', 'SCHOOL']),
    countyCode: z.string(),
    address: z.string(),
  }),
) {}

export class FreeSlotDto extends createZodDto(
  z.object({ id: z.string(), startsAt: isoTime, endsAt: isoTime, free: z.number().int() }),
) {}

export class BookingReceiptDto extends createZodDto(
  z.object({ appointmentId: z.string(), slotId: z.string(), status: z.literal('BOOKED') }),
) {}

export class MyAppointmentDto extends createZodDto(
  z.object({
    appointmentId: z.string(),
    status: z.enum(['BOOKED', 'CANCELLED']),
    startsAt: isoTime,
    point: z.object({ id: z.string(), nameZh: z.string(), address: z.string() }),
  }),
) {}
