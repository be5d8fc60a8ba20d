import { countiesInScope, coversCounty, requireCounty, type Principal } from './principal';
import { ForbiddenError } from './errors';

const operator: Principal = { sub: 'o', role: 'OPERATOR', counties: ['450103', '450105'] };
const region: Principal = { sub: 'r', role: 'REGION_ADMIN', counties: [] };

describe('county scope', () => {
  it("covers the caller's own counties; the region's administrators cover all of Guangxi", () => {
    expect(coversCounty(operator, '450103')).toBe(true);
    expect(coversCounty(operator, '450107')).toBe(false);
    expect(coversCounty(region, '450107')).toBe(true);
  });

  it('lists one county asked for if covered, else all of the caller’s; null is all of Guangxi', () => {
    expect(countiesInScope(operator, '450105')).toEqual(['450105']);
    expect(countiesInScope(operator)).toEqual(['450103', '450105']);
    expect(countiesInScope(region)).toBeNull();
    expect(countiesInScope(region, '450107')).toEqual(['450107']);
  });

  it('refuses a county outside the scope', () => {
    expect(() => countiesInScope(operator, '450107')).toThrow(ForbiddenError);
    expect(() => requireCounty(operator, '450107')).toThrow(ForbiddenError);
    expect(() => requireCounty(region, '450107')).not.toThrow();
  });
});
