import { z } from 'zod';

/**
 * The staff's identity provider (OIDC): the workbench redirects there to sign in, and the API
 * (the codec server too, for the Temporal Web UI) accepts the access tokens it issues, verified
 * with the keys it publishes (JWKS). Unset, only this service's own tokens are accepted.
 */
export const oidcSettings = {
  OIDC_AUTHORIZE_URL: z
    .url()
    .optional()
    .describe("the identity provider's authorisation endpoint for the workbench's sign-in"),
  OIDC_CLIENT_ID: z.string().min(1).optional().describe("the workbench's client id there"),
  OIDC_ISSUER: z.url().optional().describe("the identity provider's issuer (the tokens' iss)"),
  OIDC_JWKS_URL: z.url().optional().describe('where it publishes its signing keys (JWKS)'),
  OIDC_AUDIENCE: z
    .string()
    .min(1)
    .optional()
    .describe("the tokens' audience; unset = OIDC_CLIENT_ID"),
  OIDC_ROLE_CLAIM: z.string().min(1).default('role').describe("the claim naming the staff's role"),
  OIDC_COUNTIES_CLAIM: z
    .string()
    .min(1)
    .default('counties')
    .describe('the claim listing the counties in their scope'),
  OIDC_POINT_CLAIM: z
    .string()
    .min(1)
    .default('point')
    .describe("the claim naming a registration point's staff's point"),
};

type OidcConfig = z.infer<z.ZodObject<typeof oidcSettings>> & { NODE_ENV: string };

export function oidcProblems(c: OidcConfig): { variable: string; message: string }[] {
  const problems: { variable: string; message: string }[] = [];
  if (Boolean(c.OIDC_ISSUER) !== Boolean(c.OIDC_JWKS_URL))
    problems.push({
      variable: c.OIDC_ISSUER ? 'OIDC_JWKS_URL' : 'OIDC_ISSUER',
      message: 'OIDC_ISSUER and OIDC_JWKS_URL go together',
    });
  if (c.OIDC_ISSUER && !(c.OIDC_AUDIENCE ?? c.OIDC_CLIENT_ID))
    problems.push({
      variable: 'OIDC_AUDIENCE',
      message: 'needed (or OIDC_CLIENT_ID) with OIDC_ISSUER',
    });
  // Keys fetched in clear text could be swapped on the way: a forged key signs any role.
  if (
    c.NODE_ENV === 'production' &&
    c.OIDC_JWKS_URL &&
    new URL(c.OIDC_JWKS_URL).protocol !== 'https:'
  )
    problems.push({ variable: 'OIDC_JWKS_URL', message: 'must be an https URL in production' });
  return problems;
}

/** The identity provider whose staff tokens the API accepts beside its own. */
export interface ExternalIssuer {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
  readonly roleClaim: string;
  readonly countiesClaim: string;
  readonly pointClaim: string;
}

export function externalIssuerOf(
  c: z.infer<z.ZodObject<typeof oidcSettings>>,
): ExternalIssuer | null {
  const audience = c.OIDC_AUDIENCE ?? c.OIDC_CLIENT_ID;
  if (!c.OIDC_ISSUER || !c.OIDC_JWKS_URL || !audience) return null;
  return {
    issuer: c.OIDC_ISSUER,
    jwksUrl: c.OIDC_JWKS_URL,
    audience,
    roleClaim: c.OIDC_ROLE_CLAIM,
    countiesClaim: c.OIDC_COUNTIES_CLAIM,
    pointClaim: c.OIDC_POINT_CLAIM,
  };
}
