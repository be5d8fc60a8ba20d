import { canInspectCase, canOperateCase, canReadUnmasked } from './case-access';
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
