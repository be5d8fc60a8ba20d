import { decodeJwt, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { ExternalIssuer } from '../config/oidc';
import { ROLES, type Principal, type Role } from '../domain/principal';
import { verifyExternalToken } from './external-issuer';

/**
 * Bearer tokens (JWT): this service's own (HS256 with a shared secret) and, where configured, the
 * staff identity provider's (verified with its published keys, external-issuer.ts). Issuer,
 * audience and expiry are always checked.
 */
export interface TokenSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly secret: string;
  readonly external?: ExternalIssuer;
}

/** Families apply through the platform or with this service's PARENT tokens, never the staff's provider. */
const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'PARENT' && r !== 'PLATFORM');

/** The real-name-verified person: a keyed hash of their ID number, never the number itself. */
const guardianClaim = z
  .string()
  .regex(/^[0-9a-f]{32}$/)
  .optional();

const claimsSchema = z.object({
  sub: z.string().min(1).max(128),
  role: z.enum(ROLES),
  counties: z.array(z.string().regex(/^\d{6}$/)).default([]),
  point: z.string().min(1).max(64).optional(),
  guardian: guardianClaim,
});

export class InvalidTokenError extends Error {
  constructor(reason: string, options?: ErrorOptions) {
    super(`invalid token: ${reason}`, options);
    this.name = 'InvalidTokenError';
  }
}

const key = (secret: string) => new TextEncoder().encode(secret);

/** The payload of a token signed (HS256) with the settings' secret, for its issuer and audience, not expired. */
async function verifiedPayload(token: string, settings: TokenSettings): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, key(settings.secret), {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub'],
    });
    return payload;
  } catch (error) {
    throw new InvalidTokenError(error instanceof Error ? error.message : 'unverifiable', {
      cause: error,
    });
  }
}

/** The token's payload, verified by whoever issued it: the staff's provider, or this service. */
async function accessPayload(
  token: string,
  settings: TokenSettings,
): Promise<{ payload: JWTPayload; fromProvider: boolean }> {
  const external = settings.external;
  if (!external || issuerOf(token) !== external.issuer)
    return { payload: await verifiedPayload(token, settings), fromProvider: false };
  try {
    return { payload: await verifyExternalToken(token, external), fromProvider: true };
  } catch (error) {
    throw new InvalidTokenError(error instanceof Error ? error.message : 'unverifiable', {
      cause: error,
    });
  }
}

/** Who says they issued it: read before verifying only to pick the keys to verify with. */
function issuerOf(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

export async function verifyAccessToken(
  token: string,
  settings: TokenSettings,
): Promise<Principal> {
  const { payload, fromProvider } = await accessPayload(token, settings);
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success)
    throw new InvalidTokenError('claims do not describe a principal', { cause: claims.error });
  if (fromProvider && !STAFF_ROLES.includes(claims.data.role))
    throw new InvalidTokenError("the staff's identity provider names no family or platform role");
  const { sub, role, counties, point, guardian } = claims.data;
  return {
    sub,
    role,
    counties,
    ...(point ? { pointId: point } : {}),
    ...(guardian && role === 'PARENT' ? { guardianKey: guardian } : {}),
  };
}

export interface TokenRequest {
  readonly sub: string;
  readonly role: Principal['role'];
  readonly counties?: readonly string[];
  readonly point?: string;
  /** PARENT: the guardian's key (application-identity.ts `guardianKeyOf`). */
  readonly guardian?: string;
  readonly ttlSeconds?: number;
}

export function signAccessToken(request: TokenRequest, settings: TokenSettings): Promise<string> {
  return new SignJWT({
    role: request.role,
    counties: request.counties ?? [],
    ...(request.point ? { point: request.point } : {}),
    ...(request.guardian ? { guardian: request.guardian } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds ?? 8 * 3600}s`)
    .sign(key(settings.secret));
}

/** The family the platform vouches for, and the real-name-verified person acting for it. */
export interface VouchedFamily {
  readonly sub: string;
  readonly guardianKey?: string;
}

const familyClaimsSchema = z.object({ sub: z.string().min(1).max(128), guardian: guardianClaim });

/**
 * The platform (桂通办) vouches for a family it has verified with a token of its own, signed with
 * the key it shares with this service; the family's subject becomes the case's owner, and the
 * `guardian` claim names the real-name-verified person acting (a keyed hash of their ID number).
 */
export async function verifyFamilyToken(
  token: string,
  settings: TokenSettings,
): Promise<VouchedFamily> {
  const payload = await verifiedPayload(token, settings);
  const claims = familyClaimsSchema.safeParse(payload);
  if (!claims.success)
    throw new InvalidTokenError('claims do not describe a family', { cause: claims.error });
  const { sub, guardian } = claims.data;
  return { sub, ...(guardian ? { guardianKey: guardian } : {}) };
}

export function signFamilyToken(
  family: VouchedFamily,
  settings: TokenSettings,
  ttlSeconds = 600,
): Promise<string> {
  return new SignJWT(family.guardianKey ? { guardian: family.guardianKey } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(family.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(settings.secret));
}
