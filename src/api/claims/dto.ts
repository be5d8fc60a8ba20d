import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { isoTime, status } from '../response-fields';

export class ClaimRequestDto extends createZodDto(
  z.strictObject({
    claimCode: z
      .string()
      .max(40)
      .describe(
        "The one-time code on the offline receipt, e.g. 7K3Q-M9XD-2B4F-H8TZ (case and dashes don't matter)",
      ),
  }),
) {}

// Responses

/** The code on an offline receipt: shown once, stored only as a hash. */
export const claimCodeSchema = z.object({
  code: z.string().describe('One-time code the family enters to follow the case online'),
  expiresAt: isoTime,
});

export class ClaimCodeDto extends createZodDto(claimCodeSchema) {}

export class ClaimResultDto extends createZodDto(
  z.object({
    applicationNo: z.string(),
    status,
  }),
) {}
