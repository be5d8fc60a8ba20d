import { coversCounty, isRegionWide, type Principal } from './principal';

/** What the access rules need to know about a case. */
export interface CaseScope {
  readonly countyCode: string;
  readonly ownerSub: string | null;
}

/**
 * Who may see a case (DESIGN.md §6): a family its own; the platform the cases of the family it
 * vouches for; county staff, reviewers, city admins and operators their counties; the region all.
 */
export function canReadCase(principal: Principal, scope: CaseScope, familySub?: string): boolean {
  switch (principal.role) {
    case 'PARENT':
      return scope.ownerSub !== null && scope.ownerSub === principal.sub;
    case 'PLATFORM':
      return familySub !== undefined && scope.ownerSub === familySub;
    default:
      return coversCounty(principal, scope.countyCode);
  }
}

/** Withdrawal is the family's own act, directly or through the platform. */
export function canWithdrawCase(
  principal: Principal,
  scope: CaseScope,
  familySub?: string,
): boolean {
  return (
    (principal.role === 'PARENT' || principal.role === 'PLATFORM') &&
    canReadCase(principal, scope, familySub)
  );
}

/** Decisions are the county reviewers'. */
export function canDecideCase(principal: Principal, scope: CaseScope): boolean {
  return principal.role === 'REVIEWER' && coversCounty(principal, scope.countyCode);
}

/** Who runs the operations console (DESIGN.md §7): on-call operators and administrators. */
export const OPERATIONS_ROLES = ['OPERATOR', 'CITY_ADMIN', 'REGION_ADMIN'] as const;

/**
 * Who reads the console's views of a case: its operators, and auditors (等保 separation of
 * duties), who read but repair nothing and alone may read personal data unmasked.
 */
export const CONSOLE_READER_ROLES = [...OPERATIONS_ROLES, 'AUDITOR'] as const;

export function canInspectCase(principal: Principal, scope: CaseScope): boolean {
  return (
    (CONSOLE_READER_ROLES as readonly string[]).includes(principal.role) &&
    coversCounty(principal, scope.countyCode)
  );
}

/** Personal data unmasked is for auditors only, and each such read is audited. */
export function canReadUnmasked(principal: Principal): boolean {
  return principal.role === 'AUDITOR';
}

/**
 * Payloads decrypted by the codec server do not say their county, so a county's auditor would
 * read other counties' children there: unmasked only to an auditor of the whole region.
 */
export function canDecodeUnmasked(principal: Principal): boolean {
  return canReadUnmasked(principal) && isRegionWide(principal);
}

/** Operators repair the cases of their counties; the region's administrators all of Guangxi's. */
export function canOperateCase(principal: Principal, scope: CaseScope): boolean {
  return (
    (OPERATIONS_ROLES as readonly string[]).includes(principal.role) &&
    coversCounty(principal, scope.countyCode)
  );
}
