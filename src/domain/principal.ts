import { ForbiddenError } from './errors';

/** Who is calling, as the API knows them after verifying their token (DESIGN.md §6). */
export const ROLES = [
  'PARENT',
  'STAFF',
  'REVIEWER',
  'CITY_ADMIN',
  'REGION_ADMIN',
  'OPERATOR',
  'PLATFORM',
  // 等保 2.0 separation of duties: reads audit trails and unmasked personal data (always audited),
  // and can change nothing; administrators and operators cannot do what it does.
  'AUDITOR',
] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  readonly sub: string;
  readonly role: Role;
  /** Counties the caller may act in (STAFF, REVIEWER, CITY_ADMIN, OPERATOR, AUDITOR); empty for others. */
  readonly counties: readonly string[];
  /** STAFF: the registration point they work at. */
  readonly pointId?: string;
  /**
   * PARENT: the real-name-verified person behind the account, as the keyed hash of their ID
   * number (domain/application-identity.ts); absent when the platform has not verified one.
   */
  readonly guardianKey?: string;
}

/** A label for timelines and audit: role and subject, never personal data. */
export function actorOf(principal: Principal): string {
  return `${principal.role.toLowerCase()}:${principal.sub}`;
}

/**
 * The autonomous region's own division code (GB/T 2260). An AUDITOR is scoped by `counties` like
 * an operator (a county bureau's auditor); the region's audit office holds this code instead of
 * a list of every county, and covers all of Guangxi. For other roles it is no county at all: a
 * region-wide administrator is REGION_ADMIN, and a token naming it grants nobody else more.
 */
export const WHOLE_REGION = '450000';

/** Whether the caller's scope is all of Guangxi: REGION_ADMIN, or an AUDITOR of the region. */
export function isRegionWide(principal: Principal): boolean {
  return (
    principal.role === 'REGION_ADMIN' ||
    (principal.role === 'AUDITOR' && principal.counties.includes(WHOLE_REGION))
  );
}

/** Whether the caller's county scope covers a county. */
export function coversCounty(principal: Principal, countyCode: string): boolean {
  return isRegionWide(principal) || principal.counties.includes(countyCode);
}

/** Refuses a county outside the caller's scope. */
export function requireCounty(principal: Principal, countyCode: string): void {
  if (!coversCounty(principal, countyCode))
    throw new ForbiddenError(`county ${countyCode} is not in your scope`);
}

/**
 * The counties a list or count covers: the one asked for if the caller's scope covers it (else
 * forbidden), or all of the caller's; null is all of Guangxi (see isRegionWide).
 */
export function countiesInScope(
  principal: Principal,
  countyCode?: string,
): readonly string[] | null {
  if (countyCode) {
    requireCounty(principal, countyCode);
    return [countyCode];
  }
  return isRegionWide(principal) ? null : principal.counties;
}
