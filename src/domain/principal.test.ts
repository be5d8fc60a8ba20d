import {
  countiesInScope,
  coversCounty,
  requireCounty,
  WHOLE_REGION,
  type Principal,
} from './principal';
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

describe('an auditor’s scope', () => {
  const countyAuditor: Principal = { sub: 'a', role: 'AUDITOR', counties: ['450103'] };
  const regionAuditor: Principal = { sub: 'a', role: 'AUDITOR', counties: [WHOLE_REGION] };

  it('is its counties, like an operator’s; the region’s own code makes it all of Guangxi', () => {
    expect(coversCounty(countyAuditor, '450103')).toBe(true);
    expect(coversCounty(countyAuditor, '450107')).toBe(false);
    expect(coversCounty(regionAuditor, '450107')).toBe(true);
    expect(countiesInScope(countyAuditor)).toEqual(['450103']);
    expect(countiesInScope(regionAuditor)).toBeNull();
    expect(countiesInScope(regionAuditor, '450107')).toEqual(['450107']);
  });

  it('widens no other role: the region’s code in an operator’s token covers no county', () => {
    const operatorNamingRegion: Principal = { ...operator, counties: [WHOLE_REGION] };
    expect(coversCounty(operatorNamingRegion, '450107')).toBe(false);
    expect(countiesInScope(operatorNamingRegion)).toEqual([WHOLE_REGION]);
  });
});
