import {
  canDecideCase,
  canDecodeUnmasked,
  canInspectCase,
  canOperateCase,
  canReadCase,
  canReadUnmasked,
  canWithdrawCase,
} from './case-access';
import { ROLES, WHOLE_REGION, type Principal } from './principal';

const scope = { countyCode: '450103', ownerSub: 'family-1' };
const as = (role: Principal['role'], counties = ['450103']): Principal => ({
  sub: 's',
  role,
  counties,
});

describe('the operations console: who reads, who repairs, who reads unmasked', () => {
  it('lets operators and administrators read and repair, auditors only read', () => {
    for (const role of ['OPERATOR', 'CITY_ADMIN', 'REGION_ADMIN'] as const) {
      expect(canInspectCase(as(role), scope)).toBe(true);
      expect(canOperateCase(as(role), scope)).toBe(true);
    }
    expect(canInspectCase(as('AUDITOR'), scope)).toBe(true);
    expect(canOperateCase(as('AUDITOR'), scope)).toBe(false);
    expect(canOperateCase(as('AUDITOR', [WHOLE_REGION]), scope)).toBe(false);
  });

  it('keeps an auditor to its counties unless it is the region’s', () => {
    expect(canInspectCase(as('AUDITOR', ['450107']), scope)).toBe(false);
    expect(canInspectCase(as('AUDITOR', [WHOLE_REGION]), scope)).toBe(true);
  });

  it('shows personal data unmasked to the AUDITOR role alone', () => {
    expect(ROLES.filter((role) => canReadUnmasked(as(role)))).toEqual(['AUDITOR']);
    for (const role of ['PARENT', 'STAFF', 'REVIEWER', 'PLATFORM'] as const)
      expect(canInspectCase(as(role), scope)).toBe(false);
  });
});

describe('a case: who reads it, who withdraws it, who decides it', () => {
  const parent = (sub: string): Principal => ({ sub, role: 'PARENT', counties: [] });
  const platform: Principal = { sub: 'guitongban', role: 'PLATFORM', counties: [] };

  it('lets a family read and withdraw its own case and nobody else’s', () => {
    expect(canReadCase(parent('family-1'), scope)).toBe(true);
    expect(canWithdrawCase(parent('family-1'), scope)).toBe(true);
    expect(canReadCase(parent('family-2'), scope)).toBe(false);
    expect(canWithdrawCase(parent('family-2'), scope)).toBe(false);
  });

  it('gives a case with no owner (taken at a registration point) to no family account', () => {
    const atPoint = { ...scope, ownerSub: null };
    expect(canReadCase(parent('family-1'), atPoint)).toBe(false);
    expect(canWithdrawCase(parent('family-1'), atPoint)).toBe(false);
  });

  it('lets the platform act only for the family it vouches for', () => {
    expect(canReadCase(platform, scope, 'family-1')).toBe(true);
    expect(canWithdrawCase(platform, scope, 'family-1')).toBe(true);
    expect(canReadCase(platform, scope, 'family-2')).toBe(false);
    expect(canReadCase(platform, scope)).toBe(false);
    expect(canReadCase(platform, { ...scope, ownerSub: null })).toBe(false);
    expect(canWithdrawCase(platform, scope)).toBe(false);
  });

  it('lets staff read the cases of their counties, and no staff role withdraw one', () => {
    for (const role of ['STAFF', 'REVIEWER', 'CITY_ADMIN', 'OPERATOR', 'AUDITOR'] as const) {
      expect(canReadCase(as(role), scope)).toBe(true);
      expect(canReadCase(as(role, ['450107']), scope)).toBe(false);
      expect(canWithdrawCase(as(role), scope, 'family-1')).toBe(false);
    }
    expect(canReadCase(as('REGION_ADMIN', []), scope)).toBe(true);
    expect(canWithdrawCase(as('REGION_ADMIN', []), scope, 'family-1')).toBe(false);
  });

  it('keeps a decision to the reviewers of the case’s county', () => {
    expect(ROLES.filter((role) => canDecideCase(as(role), scope))).toEqual(['REVIEWER']);
    expect(canDecideCase(as('REVIEWER', ['450107']), scope)).toBe(false);
    expect(canDecideCase(as('REVIEWER', [WHOLE_REGION]), scope)).toBe(false);
  });

  it('decodes payloads unmasked for an auditor of the whole region alone', () => {
    expect(canDecodeUnmasked(as('AUDITOR', [WHOLE_REGION]))).toBe(true);
    expect(canDecodeUnmasked(as('AUDITOR'))).toBe(false);
    expect(canDecodeUnmasked(as('REGION_ADMIN', []))).toBe(false);
  });
});
