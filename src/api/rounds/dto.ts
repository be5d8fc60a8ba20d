import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { STAGES } from '../../domain/enrolment';
import { stage, storedJson } from '../response-fields';

export class StartRoundDto extends createZodDto(
  z.strictObject({
    countyCode: z
      .string()
      .regex(/^\d{6}$/)
      .describe('County of the round'),
    stage: z.enum(STAGES),
    seasonYear: z.number().int().min(2024).max(2100),
    mechanism: z
      .enum(['DEFERRED_ACCEPTANCE', 'FIRST_CHOICE_FIRST'])
      .optional()
      // No default here: left out, the county's policy decides (then DA), in RoundsService.
      .describe("DA, or first-choice-first (志愿优先); default: the county policy's, else DA"),
  }),
) {}

export class SeasonRoundsQueryDto extends createZodDto(
  z.strictObject({
    countyCode: z
      .string()
      .regex(/^\d{6}$/)
      .describe('County of the rounds'),
    stage: z.enum(STAGES),
    seasonYear: z.coerce.number().int().min(2024).max(2100),
  }),
) {}

// Responses

export class RoundDto extends createZodDto(
  z.object({
    roundId: z.string(),
    countyCode: z.string(),
    stage,
    seasonYear: z.number().int(),
    sequence: z.number().int().describe('1: the main round; 2, 3, …: the 补录 rounds after it'),
    kind: z.enum(['MAIN', 'SUPPLEMENTARY']),
    basis: storedJson.describe(
      "A 补录 round's starting point, once frozen: the earlier rounds' ids and result hashes, and per school places − placed earlier + released = capacity",
    ),
    mechanism: z.string(),
    status: z.enum(['CREATED', 'FROZEN', 'DRAWN', 'PUBLISHED']),
    algorithm: z.string(),
    seedCommitment: z.string().describe('sha256 of the seed, published before the draw'),
    seed: z.string().nullable().describe('Revealed once the round is drawn'),
    applicantListHash: z.string().nullable(),
    policyVersion: z.string().nullable(),
    schools: storedJson.describe('Per-school summary, once drawn'),
    delivery: z
      .object({ results: z.number().int(), delivered: z.number().int() })
      .nullable()
      .describe("Once drawn: the round's results, and how many the families' cases have taken"),
  }),
) {}

export class RoundVerificationDto extends createZodDto(
  z.object({
    roundId: z.string(),
    verdict: z.enum(['MATCH', 'MISMATCH']),
    differences: z.array(z.string()).readonly(),
  }),
) {}
