import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const base64 = z
  .string()
  .max(4 * 1024 * 1024)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

/** Temporal's codec-server protocol: payloads as JSON, metadata values and data in base64. */
export const codecPayloadsSchema = z.strictObject({
  payloads: z
    .array(
      z.object({ metadata: z.record(z.string(), base64).default({}), data: base64.default('') }),
    )
    .max(1000),
});
export type CodecPayloads = z.infer<typeof codecPayloadsSchema>;

export class CodecPayloadsDto extends createZodDto(codecPayloadsSchema) {}
