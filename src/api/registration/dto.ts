import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { text } from '../../domain/forms/primitives';
import { isoTime } from '../response-fields';

export const APPOINTMENT_STATUSES = ['BOOKED', 'CANCELLED', 'ATTENDED', 'NO_SHOW'] as const;
const applicationNo = text(32).describe('The case the booking is for (one the caller may read)');

export class BookingDto extends createZodDto(
  z.strictObject({
    slotId: text(128).describe('The slot to book'),
    applicationNo: applicationNo.optional(),
  }),
) {}

export class PointBookingsQueryDto extends createZodDto(
  z.strictObject({
    date: z.iso.date().optional().describe('Bookings of this day (China time), YYYY-MM-DD'),
    slotId: text(128).optional().describe('Bookings of this slot'),
    status: z.enum(APPOINTMENT_STATUSES).optional(),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  }),
) {}

export class BookingOutcomeDto extends createZodDto(
  z.strictObject({
    status: z
      .enum(['ATTENDED', 'NO_SHOW', 'CANCELLED'])
      .describe('What happened: the family came, did not come, or the point cancels'),
    applicationNo: applicationNo.optional(),
  }),
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
    status: z.enum(APPOINTMENT_STATUSES),
    applicationNo: z.string().nullable(),
    startsAt: isoTime,
    point: z.object({ id: z.string(), nameZh: z.string(), address: z.string() }),
  }),
) {}

const pointBooking = z.object({
  appointmentId: z.string(),
  slotId: z.string(),
  startsAt: isoTime,
  endsAt: isoTime,
  status: z.enum(APPOINTMENT_STATUSES),
  applicationNo: z.string().nullable(),
  account: z.string().describe('The family account that booked (platform subject, not a name)'),
  handledBy: z.string().nullable(),
  handledAt: isoTime.nullable(),
});

export class PointBookingDto extends createZodDto(pointBooking) {}

export class PointBookingsPageDto extends createZodDto(
  z.object({
    items: z.array(pointBooking),
    total: z.number().int(),
    nextOffset: z.number().int().nullable().describe('offset of the next page; null on the last'),
  }),
) {}

export class HandledBookingDto extends createZodDto(
  z.object({
    appointmentId: z.string(),
    status: z.enum(['ATTENDED', 'NO_SHOW', 'CANCELLED']),
    applicationNo: z.string().nullable(),
  }),
) {}
