import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { priorityPolicySchema } from '../../domain/eligibility/policy';
import { STAGES } from '../../domain/enrolment';
import { text } from '../../domain/forms/primitives';
import { dbTime, stage, storedJson } from '../response-fields';
import { contentEntry } from '../public/dto';

export class SeasonDto extends createZodDto(
  z.strictObject({
    name: text(60),
    primaryBornOnOrBefore: z.iso.date().describe('PRIMARY_1 age cut-off, e.g. 2021-08-31 for 2027'),
    juniorBornOnOrBefore: z.iso.date().describe('JUNIOR_1 age cut-off'),
  }),
) {}

export class WindowDto extends createZodDto(
  z
    .strictObject({
      opensAt: z.iso.datetime({ offset: true }),
      closesAt: z.iso.datetime({ offset: true }),
    })
    .refine((w) => w.opensAt < w.closesAt, {
      path: ['closesAt'],
      message: 'closes after it opens',
    }),
) {}

export class SchoolDto extends createZodDto(
  z.strictObject({
    countyCode: z.string().regex(/^\d{6}$/),
    stage: z.enum(STAGES),
    nameZh: text(60),
    type: z.enum(['PUBLIC', 'PRIVATE']),
    places: z.number().int().min(0).max(10_000).describe('招生计划'),
    catchmentUnits: z.array(text(32)).max(200).default([]),
    feederPrimaryIds: z.array(text(32)).max(50).default([]),
    location: z.strictObject({ x: z.number(), y: z.number() }).default({ x: 0, y: 0 }),
    address: text(120).optional().describe('Where families report (报到), printed on the notice'),
    catchmentDescription: z
      .string()
      .trim()
      .max(2000)
      .default('')
      .describe('The catchment in words (streets, estates), published with the school'),
  }),
) {}

export class ReportingDto extends createZodDto(
  z
    .strictObject({
      reportFrom: z.iso.datetime({ offset: true }).describe('报到 opens'),
      reportUntil: z.iso.datetime({ offset: true }).describe('报到 closes'),
      materials: z
        .array(z.strictObject({ zh: text(80), en: text(160) }))
        .min(1)
        .max(20)
        .describe('What to bring, in the order the admission notice lists it'),
    })
    .refine((r) => Date.parse(r.reportFrom) < Date.parse(r.reportUntil), {
      path: ['reportUntil'],
      message: 'closes after it opens',
    }),
) {}

export class PolicyDto extends createZodDto(priorityPolicySchema) {}

// Responses: the rows as stored. Dates leave as ISO strings (codec DTOs show the JSON form).

export class SeasonRowDto extends createZodDto(
  z.object({
    year: z.number().int(),
    name: z.string(),
    primaryBornOnOrBefore: dbTime,
    juniorBornOnOrBefore: dbTime,
    createdAt: dbTime,
  }),
  { codec: true },
) {}

export class WindowRowDto extends createZodDto(
  z.object({
    countyCode: z.string(),
    stage,
    seasonYear: z.number().int(),
    opensAt: dbTime,
    closesAt: dbTime,
  }),
  { codec: true },
) {}

export class SchoolRowDto extends createZodDto(
  z.object({
    id: z.string(),
    countyCode: z.string(),
    stage,
    nameZh: z.string(),
    type: z.enum(['PUBLIC', 'PRIVATE']),
    places: z.number().int(),
    catchmentUnits: z.array(z.string()),
    feederPrimaryIds: z.array(z.string()),
    locationX: z.number(),
    locationY: z.number(),
    address: z.string().nullable(),
    catchmentDescription: z.string(),
  }),
) {}

export class ReportingRowDto extends createZodDto(
  z.object({
    schoolId: z.string(),
    seasonYear: z.number().int(),
    reportFrom: dbTime,
    reportUntil: dbTime,
    materials: storedJson,
  }),
  { codec: true },
) {}

export class PolicyRowDto extends createZodDto(
  z.object({
    countyCode: z.string(),
    stage,
    seasonYear: z.number().int(),
    version: z.string(),
    document: storedJson.describe('The policy as it was put'),
    updatedAt: dbTime,
  }),
  { codec: true },
) {}

/** What a bureau edits: its own policy for the stage and season, or the region's default. */
export class CountyPolicyDto extends createZodDto(
  z.object({
    countyCode: z.string(),
    stage,
    seasonYear: z.number().int(),
    countyOwn: z
      .boolean()
      .describe("false: the county has none yet and the region's default applies"),
    document: priorityPolicySchema,
    updatedAt: dbTime.nullable(),
  }),
  { codec: true },
) {}

// The bureau's guide and FAQ (issue 15): each PUT a new draft version, public once published.

export class ContentDraftDto extends createZodDto(
  z.strictObject({
    titleZh: text(200).describe('A guide section title, or an FAQ question'),
    titleEn: text(200).optional(),
    bodyZh: text(20_000).describe('The text (plain text or Markdown), or an FAQ answer'),
    bodyEn: text(20_000).optional(),
    sortOrder: z.number().int().min(0).max(10_000).default(0).describe('Lower first'),
  }),
) {}

export class ContentVersionDto extends createZodDto(
  contentEntry.extend({
    status: z.string().describe('DRAFT, PUBLISHED or SUPERSEDED'),
    createdBy: z.string(),
    createdAt: dbTime,
  }),
  { codec: true },
) {}

const periodMs = z
  .number()
  .int()
  .min(1000)
  .max(90 * 24 * 60 * 60 * 1000)
  .nullable()
  .optional();

export class CountyPeriodsDto extends createZodDto(
  z.strictObject({
    confirmWindowMs: periodMs.describe(
      'How long a placed family has to confirm (报到确认) or decline, from the draw; null: 7 days',
    ),
    offerWindowMs: periodMs.describe(
      'How long a waitlisted family has to answer an offer; null: 3 days',
    ),
    appealWindowMs: periodMs.describe(
      'How long a family may ask for 复核 of a result, for cases submitted from now on; null: 5 days',
    ),
  }),
) {}

export class CountyPeriodsRowDto extends createZodDto(
  z.object({
    code: z.string(),
    confirmWindowMs: z.number().int().nullable(),
    offerWindowMs: z.number().int().nullable(),
    appealWindowMs: z.number().int().nullable(),
  }),
) {}
