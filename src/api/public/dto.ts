import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { FORM_TYPES, STAGES } from '../../domain/enrolment';
import { HOUSING_TYPES } from '../../domain/forms/application-form';
import { dbTime, stage } from '../response-fields';

/*
 * What the public reads without a token (issue 15). Every response names its fields, and none is
 * a person's: schools, policies, windows, checklists, the bureau's content and round totals.
 */

export class SchoolsQueryDto extends createZodDto(
  z.strictObject({ stage: z.enum(STAGES).optional().describe('Only this stage') }),
) {}

export class MaterialsQueryDto extends createZodDto(
  z.strictObject({
    stage: z.enum(STAGES),
    formType: z.enum(FORM_TYPES).describe('A: 户籍类; B: 随迁子女'),
    housingType: z.enum(HOUSING_TYPES).describe('The housing the application rests on'),
  }),
) {}

export class PublicCountyDto extends createZodDto(
  z.object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    cityCode: z.string(),
    cityNameZh: z.string(),
  }),
) {}

export class PublicSchoolDto extends createZodDto(
  z.object({
    id: z.string(),
    countyCode: z.string(),
    stage,
    nameZh: z.string(),
    type: z.enum(['PUBLIC', 'PRIVATE']),
    places: z.number().int().describe('招生计划'),
    address: z.string().nullable(),
    catchmentDescription: z.string().describe('The catchment (学区) in words'),
    catchmentUnits: z.array(z.string()),
  }),
) {}

export class PublicPolicyDto extends createZodDto(
  z.object({
    countyCode: z.string(),
    stage,
    seasonYear: z.number().int(),
    version: z.string(),
    countyOwn: z.boolean().describe("false: the county has set none, the region's default applies"),
    tiers: z
      .array(z.object({ rank: z.number(), nameZh: z.string(), nameEn: z.string() }))
      .readonly(),
    rulesZh: z
      .array(z.string())
      .readonly()
      .describe('The rules in plain Chinese, one sentence each'),
    rulesEn: z.array(z.string()).readonly(),
  }),
) {}

export class PublicWindowDto extends createZodDto(
  z.object({
    countyCode: z.string(),
    stage,
    seasonYear: z.number().int(),
    opensAt: dbTime,
    closesAt: dbTime,
  }),
  { codec: true },
) {}

export class MaterialsDto extends createZodDto(
  z.object({
    stage,
    formType: z.enum(FORM_TYPES),
    housingType: z.enum(HOUSING_TYPES),
    items: z.array(
      z.object({
        code: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        verifiedOnline: z
          .boolean()
          .describe('Checked with the department online: upload a copy only if asked'),
        onlyIfZh: z.string().optional(),
        onlyIfEn: z.string().optional(),
      }),
    ),
  }),
) {}

export const contentEntry = z.object({
  countyCode: z.string(),
  kind: z.string().describe('GUIDE (办事指南) or FAQ'),
  slug: z.string(),
  version: z.number().int(),
  titleZh: z.string(),
  titleEn: z.string().nullable(),
  bodyZh: z.string(),
  bodyEn: z.string().nullable(),
  sortOrder: z.number().int(),
  publishedAt: dbTime.nullable(),
});

export class PublicContentDto extends createZodDto(contentEntry, { codec: true }) {}

const cutoff = z
  .object({ tier: z.number(), lottery: z.string() })
  .nullable()
  .describe('The last admitted: tier and lottery number (null: none admitted by choice)');

export class PublishedRoundDto extends createZodDto(
  z.object({
    roundId: z.string(),
    stage,
    seasonYear: z.number().int(),
    mechanism: z.string(),
    algorithm: z.string(),
    seedCommitment: z.string(),
    seed: z.string(),
    applicantListHash: z.string().nullable(),
    policyVersion: z.string().nullable(),
    drawnAt: dbTime.nullable(),
    schools: z.array(
      z.object({
        schoolId: z.string(),
        nameZh: z.string().nullable(),
        places: z.number().int(),
        admitted: z.number().int(),
        admittedByTier: z.record(z.string(), z.number().int()),
        bureau: z.number().int().describe('Placed here by the bureau (统筹)'),
        cutoff,
      }),
    ),
  }),
  { codec: true },
) {}

export class PolicyQueryDto extends createZodDto(
  z.strictObject({
    stage: z.enum(STAGES),
    seasonYear: z.coerce.number().int().min(2024).max(2100),
  }),
) {}
