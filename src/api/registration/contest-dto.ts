import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { STAGES, ENROLMENT_STATUSES, CHECK_OUTCOMES } from '../../domain/enrolment';
import { residentIdNumber, text } from '../../domain/forms/primitives';
import { isoTime, storedJson } from '../response-fields';

/** The child a family contests a case for, from the household booklet staff hold in their hands. */
export class ConflictQueryDto extends createZodDto(
  z.strictObject({
    seasonYear: z.number().int().min(2020).max(2100),
    stage: z.enum(STAGES),
    childIdNumber: residentIdNumber.describe("The child's ID number, from the household booklet"),
  }),
) {}

export class ContestCancelDto extends createZodDto(
  z.strictObject({
    householdBookletChecked: z
      .literal(true)
      .describe('Staff saw the household booklet: the applicant is not the child’s guardian'),
    reason: text(500).describe(
      'What staff saw (audit only; the case’s timeline says why in general)',
    ),
  }),
) {}

// Responses

export class ConflictDto extends createZodDto(
  z.object({
    applicationNo: z.string(),
    status: z.enum(ENROLMENT_STATUSES),
    countyCode: z.string(),
    channel: z.string(),
    submittedAt: isoTime,
    filedOnline: z
      .boolean()
      .describe('Filed from a family account (the one that may be contested)'),
    guardians: storedJson.describe('The guardians the form names, ID numbers masked'),
    relation: z
      .object({ outcome: z.enum(CHECK_OUTCOMES), evidence: storedJson })
      .nullable()
      .describe("The registry's answer on the guardians' relation to the child"),
  }),
) {}

export class ContestCancelledDto extends createZodDto(
  z.object({ applicationNo: z.string(), from: z.string(), status: z.string() }),
) {}
