import { applicationFormSchema } from '../src/domain/forms/application-form';
import { generateFamilies } from '../src/simulator/families';
import { ARCHETYPES } from '../src/simulator/family-records';
import { FIXTURE_FAMILIES } from '../src/simulator/fixtures';
import { Registries } from '../src/simulator/registries';
import { formForFamily } from '../src/testing/forms';
import { familiesByArchetype, familyRows, simulatorFamilies } from './simulator-families';

describe('npm run simulator:families', () => {
  const seed = 20260901;
  const chosen = familiesByArchetype(simulatorFamilies(seed, 20_000), 3);
  // What a simulator started with the same seed serves (its population is generated in order).
  const registries = new Registries([
    ...generateFamilies(seed, 2000),
    ...Object.values(FIXTURE_FAMILIES),
  ]);

  it('lists three first-grade families of every archetype, named fixtures first', () => {
    const rows = familyRows(chosen);
    for (const archetype of ARCHETYPES)
      expect(rows.filter((r) => r.archetype === archetype)).toHaveLength(3);
    expect(rows[0]!.child.name).toBe('李小明');
  });

  it('lists only what the registries hold, and forms that pass validation', () => {
    for (const row of familyRows(chosen)) {
      expect(registries.people.get(row.child.idNumber)?.name).toBe(row.child.name);
      if (row.guardian) expect(registries.people.has(row.guardian.idNumber)).toBe(true);
      if (row.housingCertificate)
        expect(registries.properties.has(row.housingCertificate)).toBe(true);
    }
    for (const family of chosen)
      expect(applicationFormSchema.safeParse(formForFamily(family)).success).toBe(true);
  });
});
