import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ROLES } from '../../domain/principal';
import { residentIdNumber, text } from '../../domain/forms/primitives';

/** What the development sign-in picker asks for: a role, a subject, a scope. */
export class DevTokenRequestDto extends createZodDto(
  z.strictObject({
    role: z.enum(ROLES).describe('The role to act as'),
    sub: text(64).describe('Who: any name, it becomes the token subject'),
    counties: z
      .array(z.string().regex(/^\d{6}$/))
      .max(20)
      .default([])
      .describe('County scope (STAFF, REVIEWER, CITY_ADMIN, OPERATOR, AUDITOR)'),
    point: text(64).optional().describe('STAFF: the registration point'),
    guardianIdNumber: residentIdNumber
      .optional()
      .describe('PARENT: the guardian the platform would have real-name verified'),
  }),
) {}

export class DevTokenDto extends createZodDto(
  z.object({ token: z.string(), expiresInSeconds: z.number().int() }),
) {}

export class SignInOptionsDto extends createZodDto(
  z.object({
    devSignIn: z.boolean().describe('Whether POST /auth/dev-token exists (never in production)'),
    oidc: z
      .object({ authorizeUrl: z.string(), clientId: z.string() })
      .nullable()
      .describe("The identity provider's authorisation endpoint, when configured"),
  }),
) {}
