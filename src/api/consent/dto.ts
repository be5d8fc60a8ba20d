import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CHANNELS } from '../../domain/enrolment';
import { CONSENT_PURPOSES } from '../../domain/consent';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const purpose = z.enum(Object.keys(CONSENT_PURPOSES) as [keyof typeof CONSENT_PURPOSES]);

export class ConsentTextDto extends createZodDto(
  z.object({
    version: z.string(),
    publishedOn: z.string().describe('YYYY-MM-DD'),
    current: z.boolean().describe('The version families are shown now'),
    purposes: z.array(z.object({ purpose, formField: z.string(), text: bilingual })),
  }),
) {}

/** A case's consent as the family and officials read it. */
export const consentView = z
  .object({
    textVersion: z.string(),
    purposes: z.array(z.object({ purpose, text: bilingual })),
    channel: z.enum(CHANNELS),
    actor: z.string().describe('Who recorded it: the family online, the staff offline'),
    givenAt: z.string().describe('ISO 8601'),
    signedOnPaper: z.boolean().describe('OFFLINE: the guardian signed the form on paper'),
    paperFormSha256: z.string().nullable().describe("The signed form among the case's documents"),
    withdrawnAt: z.string().nullable(),
  })
  .nullable()
  .describe('The consent the case rests on (null for cases from before consent records)');

export class ConsentFormReceiptDto extends createZodDto(
  z.object({
    sha256: z.string().describe('Put it in consent.paperForm.documentSha256 of the entry'),
    mimeType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    size: z.number().int(),
  }),
) {}
