import { familyCaseView, type FamilyCaseFacts } from './family-case-view';

const tier = {
  schoolId: '450103-P01',
  tier: 1,
  tierNameZh: '一类',
  tierNameEn: 'Tier 1',
  predicate: 'HUKOU_AND_HOME',
};
const corrections = [
  { field: 'child.hukouAddress', stated: '别处', registry: '南宁市青秀区某路1号', agrees: false },
  {
    field: 'housing.address',
    stated: '南宁市青秀区某路1号',
    registry: '南宁市青秀区某路1号',
    agrees: true,
  },
];
const facts = (over: Partial<FamilyCaseFacts>): FamilyCaseFacts => ({
  verifications: [{ check: 'IDENTITY', outcome: 'MATCH' }],
  assessment: { eligible: true, notes: ['n'], schools: [tier], autoFill: corrections },
  offlineCheck: null,
  admission: { schoolId: '450103-P01' },
  ...over,
});

describe("a family's view of its case: what confirms the guardians and what it then shows", () => {
  it('withholds everything but the result while neither the registry nor staff confirmed them', () => {
    const view = familyCaseView(facts({ offlineCheck: { outcome: 'NOT_VERIFIED' } }));
    expect(view).toEqual({
      guardianship: expect.objectContaining({ confirmed: false }),
      verification: [],
      priority: null,
      registryCorrections: [],
      admission: { schoolId: '450103-P01' },
    });
    expect(view.guardianship.zh).toMatch(/户口簿/);
  });

  it('counts staff seeing the household booklet as confirmation', () => {
    const view = familyCaseView(facts({ offlineCheck: { outcome: 'VERIFIED' } }));
    expect(view.guardianship).toEqual(expect.objectContaining({ confirmed: true }));
    expect(view.guardianship.zh).toMatch(/监护人/);
    expect(view.guardianship.en).toMatch(/confirm/);
    expect(view.verification).toEqual([
      expect.objectContaining({ check: 'IDENTITY', outcome: 'MATCH' }),
    ]);
  });

  it('shows the tiers as published and only the registry values that differ from the form', () => {
    const view = familyCaseView(
      facts({
        verifications: [{ check: 'RELATION', outcome: 'MATCH' }],
        assessment: {
          eligible: false,
          notes: ['AGE'],
          schools: [{ ...tier, internal: 'kept from families' } as typeof tier],
          autoFill: corrections,
        },
      }),
    );
    expect(view.guardianship.confirmed).toBe(true);
    expect(view.priority).toEqual({ eligible: false, notes: ['AGE'], schools: [tier] });
    expect(view.registryCorrections).toEqual([corrections[0]]);
    expect(view.admission).toEqual({ schoolId: '450103-P01' });
  });

  it('has no priority and no corrections before the case is assessed', () => {
    const view = familyCaseView(
      facts({ verifications: [{ check: 'RELATION', outcome: 'MATCH' }], assessment: null }),
    );
    expect(view.priority).toBeNull();
    expect(view.registryCorrections).toEqual([]);
  });
});
