import fc from 'fast-check';
import { generateFamilies } from '../simulator/families';
import type { Family } from '../simulator/family-records';
import { formForFamily, guardianFor } from '../testing/forms';
import { CHECK_OUTCOMES, type CheckOutcome } from './enrolment';
import { autoFill } from './eligibility/facts-from-checks';
import { familyCaseView, type FamilyCaseFacts } from './family-case-view';
import { applicationFormSchema } from './forms/application-form';
import { maskResidentId } from './resident-id';
import { householdOutcome, identityOutcome, relationOutcome } from './verification/checks';

const FAMILIES = generateFamilies(13, 200);

/** Everything the registries hold about a family that a stranger could mine. */
function registryValues(family: Family): string[] {
  const household = family.households[0]!;
  const people = [family.child, ...family.guardians, ...family.siblings, ...family.grandparents];
  return [
    household.address,
    household.householdNo,
    ...household.members.flatMap((m) => [m.name, m.moveInDate]),
    ...people.flatMap((p) => [p.name, p.idNumber, maskResidentId(p.idNumber), p.birthDate]),
    ...family.properties.flatMap((p) => [p.address, p.certificateNo, p.registrationDate]),
  ];
}

/** A stranger's form for the family's child: another guardian, and a guess at name and address. */
const strangersCase = fc.record({
  family: fc.constantFrom(...FAMILIES),
  guessedName: fc.constantFrom('王某某', '李某', undefined),
  guessedAddress: fc.constantFrom('南宁市青秀区某路1号', undefined),
  relation: fc.constantFrom<CheckOutcome | undefined>(
    'MISMATCH',
    'NOT_FOUND',
    'UNAVAILABLE',
    undefined,
  ),
  offlineCheck: fc.constantFrom(null, { outcome: 'NOT_VERIFIED' }),
  others: fc.array(fc.constantFrom(...CHECK_OUTCOMES), { minLength: 4, maxLength: 4 }),
});

describe("a family's view of its case (issue 13)", () => {
  it('never shows a registry value or a check outcome while the guardians are not confirmed', () => {
    fc.assert(
      fc.property(strangersCase, (c) => {
        const truthful = formForFamily(c.family);
        const form = applicationFormSchema.parse({
          ...truthful,
          guardians: [guardianFor(42)],
          child: {
            ...(truthful.child as object),
            ...(c.guessedName && { name: c.guessedName }),
            ...(c.guessedAddress && { hukouAddress: c.guessedAddress }),
          },
        });
        const { child } = c.family;
        // What the registries would answer, run through the checks' own rules.
        const checks = {
          IDENTITY: identityOutcome(form.child, { found: true, ...child }),
          HOUSEHOLD: householdOutcome(form, c.family.households[0]),
        };
        const facts: FamilyCaseFacts = {
          verifications: [
            { check: 'IDENTITY', outcome: c.others[0]! },
            { check: 'HOUSEHOLD', outcome: c.others[1]! },
            { check: 'PROPERTY', outcome: c.others[2]! },
            { check: 'SOCIAL_INSURANCE', outcome: c.others[3]! },
            ...(c.relation ? [{ check: 'RELATION', outcome: c.relation }] : []),
          ],
          assessment: {
            eligible: true,
            notes: [],
            schools: [
              {
                schoolId: '450103-P01',
                tier: 1,
                tierNameZh: '一类',
                tierNameEn: 'Tier 1',
                predicate: 'HUKOU_AND_HOME',
              },
            ],
            // Everything the registries would fill in, had the view builder not withheld it.
            autoFill: autoFill(form, checks),
          },
          offlineCheck: c.offlineCheck,
          admission: null,
        };
        const view = familyCaseView(facts);
        const text = JSON.stringify(view);
        for (const value of registryValues(c.family)) expect(text).not.toContain(value);
        for (const field of [
          'child.',
          'housing.',
          'guardians[',
          'MATCH',
          'NOT_FOUND',
          'UNAVAILABLE',
        ])
          expect(text).not.toContain(field);
        expect(view).toMatchObject({
          guardianship: { confirmed: false },
          verification: [],
          priority: null,
          registryCorrections: [],
        });
        expect(view.guardianship.en).toMatch(/registration point/);
      }),
      { numRuns: 300 },
    );
  });

  it('shows the checks, tiers and corrections once the registry confirms the guardians', () => {
    const family = FAMILIES.find((f) => f.households[0]!.divisionCode === f.countyCode)!;
    const form = applicationFormSchema.parse(formForFamily(family));
    const household = householdOutcome(
      { ...form, child: { ...form.child, hukouAddress: '别处' } },
      family.households[0],
    );
    const relation = relationOutcome(
      form,
      'HOUSEHOLD',
      form.guardians.map(() => 'PARENT'),
    );
    expect(relation.outcome).toBe('MATCH');
    const view = familyCaseView({
      verifications: [
        { check: 'HOUSEHOLD', outcome: household.outcome },
        { check: 'RELATION', outcome: relation.outcome },
      ],
      assessment: {
        eligible: true,
        notes: [],
        schools: [],
        autoFill: autoFill(
          { ...form, child: { ...form.child, hukouAddress: '别处' } },
          {
            HOUSEHOLD: household,
            RELATION: relation,
          },
        ),
      },
      offlineCheck: null,
      admission: null,
    });
    expect(view.guardianship.confirmed).toBe(true);
    expect(view.verification.map((v) => v.check)).toEqual(['HOUSEHOLD', 'RELATION']);
    expect(view.registryCorrections).toEqual([
      expect.objectContaining({
        field: 'child.hukouAddress',
        registry: family.households[0]!.address,
      }),
    ]);
  });
});
