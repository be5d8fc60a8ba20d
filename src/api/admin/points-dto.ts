import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { text } from '../../domain/forms/primitives';
import { openingHoursSchema } from '../../domain/registration-points';
import { dbTime } from '../response-fields';

const POINT_KINDS = ['GOVERNMENT_SERVICE_CENTRE', 'ADMISSIONS_OFFICE', 'SCHOOL'] as const;

export class PointDto extends createZodDto(
  z.strictObject({
    countyCode: z.string().regex(/^\d{6}$/),
    kind: z.enum(POINT_KINDS),
    nameZh: text(60),
    address: text(120),
    openingHours: openingHoursSchema.describe(
      'Weekly opening periods, China time: [{weekday 1 (Mon)–7 (Sun), opens "08:30", closes "12:00"}]',
    ),
    slotMinutes: z.number().int().min(10).max(240).default(60).describe('Length of a slot'),
    slotCapacity: z
      .number()
      .int()
      .min(0)
      .max(500)
      .default(10)
      .describe('Families a new slot takes'),
  }),
) {}

export class ClosureDto extends createZodDto(
  z.strictObject({ reason: text(120).describe('Why the point is closed, e.g. 国庆节') }),
) {}

export class SlotGenerationDto extends createZodDto(
  z
    .strictObject({
      from: z.iso.date().describe('First day, YYYY-MM-DD (China time)'),
      to: z.iso.date().describe('Last day, included'),
      capacity: z.number().int().min(0).max(500).optional().describe("Default: the point's"),
    })
    .refine((r) => r.from <= r.to && Date.parse(r.to) - Date.parse(r.from) <= 62 * 86_400_000, {
      path: ['to'],
      message: 'on or after from, at most 62 days later',
    }),
) {}

export class SlotCapacityDto extends createZodDto(
  z.strictObject({
    capacity: z.number().int().min(0).max(500).describe('Not below the places already booked'),
  }),
) {}

// Responses

const closure = z.object({ day: dbTime, reason: z.string() });
const slot = z.object({
  id: z.string(),
  startsAt: dbTime,
  endsAt: dbTime,
  capacity: z.number().int(),
  booked: z.number().int(),
});

export class PointRowDto extends createZodDto(
  z.object({
    id: z.string(),
    countyCode: z.string(),
    kind: z.enum(POINT_KINDS),
    nameZh: z.string(),
    address: z.string(),
    openingHours: openingHoursSchema,
    slotMinutes: z.number().int(),
    slotCapacity: z.number().int(),
    closures: z.array(closure),
  }),
  { codec: true },
) {}

export class ClosureRowDto extends createZodDto(
  z.object({ pointId: z.string(), day: z.string(), reason: z.string() }),
) {}

export class SlotRowDto extends createZodDto(slot, { codec: true }) {}

export class GeneratedSlotsDto extends createZodDto(
  z.object({
    created: z.number().int().describe('Slots added; those already there are kept as they are'),
    slots: z.array(slot),
  }),
  { codec: true },
) {}
