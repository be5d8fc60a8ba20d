import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { isoTime, status, storedJson } from '../response-fields';

const document = z.object({
  sha256: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  fileName: z.string().describe('As the family named it'),
  href: z.string().describe('Where the reviewer downloads it (GET, audited)'),
});

export class CaseFileDto extends createZodDto(
  z.object({
    applicationNo: z.string(),
    status,
    countyCode: z.string(),
    statement: storedJson.describe("The family's statement (the form), ID numbers masked"),
    supplementRequest: storedJson.describe('The open supplement request, if any'),
    supplements: z
      .array(
        z.object({
          seq: z.number().int().describe('The timeline entry the supplement caused'),
          actor: z.string(),
          providedAt: isoTime,
          request: z
            .object({ actor: z.string(), at: isoTime, text: z.string().nullable() })
            .nullable()
            .describe('The request it answered, as the timeline recorded it'),
          items: z.array(
            z.object({
              item: z.string(),
              label: z.object({ zh: z.string(), en: z.string() }).nullable(),
              text: z.string().nullable().describe("The family's own words"),
              attachments: z.array(document),
            }),
          ),
        }),
      )
      .describe('Every supplement the family provided, oldest first'),
    attachments: z
      .array(document.extend({ uploadedBy: z.string(), uploadedAt: isoTime }))
      .describe('Every document uploaded to the case (paper consent forms included)'),
    offlineCheck: storedJson.describe('The last offline check at a registration point'),
    appeal: storedJson.describe("The latest appeal (复核): the family's reason and the answer"),
  }),
) {}
