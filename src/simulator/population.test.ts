import { parseResidentId } from '../domain/resident-id';
import { familiesDigest, generateFamilies } from './families';
import { ARCHETYPES } from './family-records';
import { FIXTURE_FAMILIES } from './fixtures';

describe('the synthetic population', () => {
  const families = generateFamilies(20260901, 20_000);

  it('is the same for the same seed and different for another', () => {
    expect(familiesDigest(generateFamilies(42, 500))).toBe(
      familiesDigest(generateFamilies(42, 500)),
    );
    expect(familiesDigest(generateFamilies(42, 500))).not.toBe(
      familiesDigest(generateFamilies(43, 500)),
    );
  });

  it('has 20 000 families covering every archetype', () => {
    const seen = new Set(families.map((f) => f.archetype));
    expect(families).toHaveLength(20_000);
    expect([...seen].sort()).toEqual([...ARCHETYPES].sort());
  });

  it('gives everyone a unique valid ID number that agrees with their birth date and gender', () => {
    const ids = new Set<string>();
    const problems: string[] = [];
    for (const family of [...families, ...Object.values(FIXTURE_FAMILIES)]) {
      for (const person of [
        family.child,
        ...family.siblings,
        ...family.guardians,
        ...family.grandparents,
      ]) {
        if (ids.has(person.idNumber)) problems.push(`duplicate ${person.idNumber}`);
        ids.add(person.idNumber);
        const parsed = parseResidentId(person.idNumber);
        if (
          !parsed.ok ||
          parsed.value.birthDate !== person.birthDate ||
          parsed.value.gender !== person.gender
        )
          problems.push(`invalid ${person.idNumber}`);
      }
    }
    expect(problems).toEqual([]);
    expect(ids.size).toBeGreaterThan(60_000);
  });

  it('keeps each family’s records consistent with its archetype', () => {
    for (const family of families) {
      const household = family.households[0]!;
      expect(household.members.some((m) => m.idNumber === family.child.idNumber)).toBe(true);
      const migrant = family.archetype.startsWith('MIGRANT');
      expect(household.divisionCode === family.countyCode).toBe(!migrant);
      if (family.archetype === 'MIGRANT_NO_PERMIT') expect(family.permits).toEqual([]);
      if (family.archetype === 'MIGRANT_FOUR_PROOFS')
        expect(family.insurance[0]!.monthsPaidLast24).toBeGreaterThanOrEqual(12);
      if (family.archetype === 'GRANDPARENT_HOME') {
        expect(family.properties[0]!.holders.map((h) => h.idNumber)).toEqual(
          family.grandparents.map((g) => g.idNumber),
        );
      }
    }
  });
});
