import { parseResidentId } from '../domain/resident-id';
import { FIXTURES } from './fixtures';
import { generatePopulation, populationDigest } from './population';

describe('the synthetic population', () => {
  it('is the same for the same seed and different for another', () => {
    expect(populationDigest(generatePopulation(42, 2000))).toBe(
      populationDigest(generatePopulation(42, 2000)),
    );
    expect(populationDigest(generatePopulation(42, 2000))).not.toBe(
      populationDigest(generatePopulation(43, 2000)),
    );
  });

  it('gives everyone a valid ID number that agrees with their birth date and gender', () => {
    for (const person of [...generatePopulation(1, 5000), ...Object.values(FIXTURES)]) {
      const parsed = parseResidentId(person.idNumber);
      expect(parsed).toEqual({
        ok: true,
        value: expect.objectContaining({ birthDate: person.birthDate, gender: person.gender }),
      });
    }
  });

  it('has no duplicate ID numbers', () => {
    const people = generatePopulation(9, 20_000);
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(20_000);
  });
});
