import { signAccessToken, signFamilyToken } from '../../src/auth/jwt';
import { accessTokenSettings, familyTokenSettings, type Config } from '../../src/config/config';
import type { Role } from '../../src/domain/principal';

/** Bearer tokens for tests, signed with the harness's own configuration. */
export function tokens(config: Config) {
  const sign = (role: Role, sub: string, extra: { counties?: string[]; point?: string } = {}) =>
    signAccessToken({ role, sub, ...extra }, accessTokenSettings(config)).then(
      (t) => `Bearer ${t}`,
    );
  return {
    parent: (sub: string) => sign('PARENT', sub),
    reviewer: (counties: string[], sub = 'reviewer-1') => sign('REVIEWER', sub, { counties }),
    staff: (point: string, counties: string[], sub = 'staff-1') =>
      sign('STAFF', sub, { counties, point }),
    platform: (sub = 'guitongban') => sign('PLATFORM', sub),
    operator: (counties: string[]) => sign('OPERATOR', 'operator-1', { counties }),
    admin: (counties: string[]) => sign('CITY_ADMIN', 'city-admin-1', { counties }),
    regionAdmin: () => sign('REGION_ADMIN', 'region-admin-1'),
    /** A county's auditor; `['450000']` (WHOLE_REGION) for the region's. */
    auditor: (counties: string[], sub = 'auditor-1') => sign('AUDITOR', sub, { counties }),
    family: (familySub: string) => signFamilyToken(familySub, familyTokenSettings(config)),
  };
}
