import { z } from 'zod';

/** 公安 identity check: does this name belong to this ID number? */
export const IDENTITY_CHECK_PATH = '/api/gongan/v1/identity/verify';

export const identityCheckRequestSchema = z.strictObject({
  name: z.string().min(1).max(60),
  idNumber: z.string().regex(/^\d{17}[\dX]$/),
});
export type IdentityCheckRequest = z.infer<typeof identityCheckRequestSchema>;

export const identityCheckResponseSchema = z.object({
  code: z.literal('0'),
  data: z.discriminatedUnion('result', [
    z.object({
      result: z.literal('FOUND'),
      nameMatches: z.boolean(),
      record: z.object({
        name: z.string(),
        gender: z.enum(['MALE', 'FEMALE']),
        birthDate: z.string(),
        divisionCode: z.string(),
        alive: z.boolean(),
      }),
    }),
    z.object({ result: z.literal('NOT_FOUND') }),
  ]),
});
export type IdentityCheckResponse = z.infer<typeof identityCheckResponseSchema>;
