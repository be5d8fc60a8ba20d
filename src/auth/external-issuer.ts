import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { ExternalIssuer } from '../config/oidc';

/**
 * Staff tokens from the identity provider, verified with the keys it publishes (fetched once,
 * refreshed when a token names a key not seen yet). Asymmetric algorithms only: an HS256 token
 * claiming the provider's issuer is refused, so nobody signs one with a public key.
 */
const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

const keySets = new Map<string, JWTVerifyGetKey>();

function keysOf(jwksUrl: string): JWTVerifyGetKey {
  let keys = keySets.get(jwksUrl);
  if (!keys) keySets.set(jwksUrl, (keys = createRemoteJWKSet(new URL(jwksUrl))));
  return keys;
}

/**
 * The provider's token, checked, with its role, counties and (registration-point staff) point
 * read from the configured claims; the claims schema then checks them as it checks our own.
 */
export async function verifyExternalToken(
  token: string,
  issuer: ExternalIssuer,
): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, keysOf(issuer.jwksUrl), {
    issuer: issuer.issuer,
    audience: issuer.audience,
    algorithms: ALGORITHMS,
    requiredClaims: ['exp', 'sub'],
  });
  return {
    sub: payload.sub,
    role: payload[issuer.roleClaim],
    counties: payload[issuer.countiesClaim] ?? [],
    ...(payload[issuer.pointClaim] !== undefined && { point: payload[issuer.pointClaim] }),
  };
}
