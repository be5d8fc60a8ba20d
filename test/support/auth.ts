import { signAccessToken, signFamilyToken } from '../../src/auth/jwt';
import { accessTokenSettings, familyTokenSettings, type Config } from '../../src/config/config';
import { guardianKeyOf } from '../../src/domain/application-identity';
import type { Role } from '../../src/domain/principal';
import { guardianFor } from '../../src/testing/forms';

/** Whom a family token vouches for: an ID number, or the first guardian a form names. */
export type GuardianOf = string | Readonly<Record<string, unknown>>;

function guardianIdOf(guardian: GuardianOf): string {
  if (typeof guardian === 'string') return guardian;
  const [first] = Array.isArray(guardian.guardians) ? (guardian.guardians as unknown[]) : [];
  const idNumber = (first as { idNumber?: unknown } | undefined)?.idNumber;
  if (typeof idNumber !== 'string') throw new Error('the form names no guardian');
  return idNumber;
}

/**
 * Bearer tokens for tests, signed with the harness's own configuration. A family's token carries
 * the real-name-verified guardian (issue 13): by default the one `formFor` names, else the given
 * form's first guardian, so existing tests submit as the form's guardian.
 */
export function tokens(config: Config) {
  const sign = (
    role: Role,
    sub: string,
    extra: { counties?: string[]; point?: string; guardian?: string } = {},
  ) =>
    signAccessToken({ role, sub, ...extra }, accessTokenSettings(config)).then(
      (t) => `Bearer ${t}`,
    );
  const keyOf = (guardian: GuardianOf = guardianFor().idNumber) =>
    guardianKeyOf(config.GUARDIAN_KEY_SECRET, guardianIdOf(guardian));
  return {
    parent: (sub: string, guardian?: GuardianOf) =>
      sign('PARENT', sub, { guardian: keyOf(guardian) }),
    /** A PARENT account the platform has not real-name verified. */
    unverifiedParent: (sub: string) => sign('PARENT', sub),
    reviewer: (counties: string[], sub = 'reviewer-1') => sign('REVIEWER', sub, { counties }),
    staff: (point: string, counties: string[], sub = 'staff-1') =>
      sign('STAFF', sub, { counties, point }),
    platform: (sub = 'guitongban') => sign('PLATFORM', sub),
    operator: (counties: string[]) => sign('OPERATOR', 'operator-1', { counties }),
    admin: (counties: string[]) => sign('CITY_ADMIN', 'city-admin-1', { counties }),
    regionAdmin: () => sign('REGION_ADMIN', 'region-admin-1'),
    /** A county's auditor; `['450000']` (WHOLE_REGION) for the region's. */
    auditor: (counties: string[], sub = 'auditor-1') => sign('AUDITOR', sub, { counties }),
    family: (familySub: string, guardian?: GuardianOf) =>
      signFamilyToken(
        { sub: familySub, guardianKey: keyOf(guardian) },
        familyTokenSettings(config),
      ),
  };
}
