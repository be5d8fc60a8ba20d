import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { WARNING_LEVELS, warningThresholdsSchema } from '../../domain/forecast/warning-levels';
import { stage } from '../response-fields';

const level = z.enum(WARNING_LEVELS);
const basis = z.enum(['FORECAST', 'LIVE']);

export class WarningsQueryDto extends createZodDto(
  z.strictObject({
    stage: stage.optional(),
    seasonYear: z.coerce.number().int().min(2000).max(2100).optional(),
  }),
) {}

export class SchoolWarningDto extends createZodDto(
  z.object({
    schoolId: z.string(),
    stage,
    seasonYear: z.number().int(),
    places: z.number().int(),
    cohort: z.number().describe('Children entering the stage that season (migration applied)'),
    forecast: z.number(),
    forecastLow: z.number(),
    forecastHigh: z.number(),
    liveFirstChoice: z.number().int().nullable().describe('First choices so far (LIVE only)'),
    liveByTier: z.record(z.string(), z.number()).nullable(),
    basis: basis.describe('FORECAST before the window opens, LIVE once it has'),
    demand: z.number(),
    ratio: z.number().nullable().describe('Demand ÷ places; null: no places, some demand'),
    level,
    changes: z.number().int(),
    populationAsOf: z.string().nullable().describe('The date the population figures describe'),
    computedAt: z.string(),
  }),
) {}

export class WarningNotificationDto extends createZodDto(
  z.object({
    id: z.string(),
    countyCode: z.string(),
    cityCode: z.string(),
    schoolId: z.string(),
    stage,
    seasonYear: z.number().int(),
    change: z.number().int(),
    fromLevel: level,
    toLevel: level,
    basis,
    summaryZh: z.string(),
    summaryEn: z.string(),
    createdAt: z.string(),
  }),
) {}

export class NotificationsQueryDto extends createZodDto(
  z.strictObject({
    countyCode: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
) {}

export const warningPolicySchema = z.intersection(
  warningThresholdsSchema,
  z.object({ defaultTakeUp: z.number().positive().max(2) }),
);
export class WarningPolicyDto extends createZodDto(warningPolicySchema) {}

export class RecomputeDto extends createZodDto(
  z.object({ workflowId: z.string().describe('The run computing the county now') }),
) {}

export class PublishedItemDto extends createZodDto(
  z.object({
    schoolId: z.string(),
    schoolName: z.string(),
    level,
    basis,
    places: z.number().int(),
    demand: z.number().int(),
    summaryZh: z.string(),
    summaryEn: z.string(),
  }),
) {}

export class WarningPublicationDto extends createZodDto(
  z.object({
    stage,
    seasonYear: z.number().int(),
    version: z.number().int(),
    publishedAt: z.string(),
    items: z.array(PublishedItemDto.schema),
  }),
) {}

export class ScenarioRequestDto extends createZodDto(
  z.strictObject({
    variants: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(60),
          extraPlaces: z.record(z.string(), z.number().int().min(-10_000).max(10_000)),
        }),
      )
      .max(5)
      .default([]),
  }),
) {}

export class ScenarioDto extends createZodDto(
  z.object({
    countyCode: z.string(),
    stage,
    seasonYear: z.number().int(),
    basis,
    applicants: z.number().int(),
    outcomes: z.array(
      z.object({
        name: z.string(),
        tiers: z
          .array(
            z.object({
              tier: z.number().int(),
              applicants: z.number().int(),
              admitted: z.number().int(),
              byBureau: z.number().int(),
              notPlaced: z.number().int(),
              bureauSchools: z.record(z.string(), z.number().int()),
            }),
          )
          .readonly(),
        schools: z
          .array(
            z.object({
              schoolId: z.string(),
              capacity: z.number().int(),
              admitted: z.number().int(),
              bureau: z.number().int(),
            }),
          )
          .readonly(),
      }),
    ),
  }),
) {}
