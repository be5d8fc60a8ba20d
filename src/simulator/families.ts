import { createHash } from 'node:crypto';
import type { Archetype, Family } from './family-records';
import { FamilyDraw } from './family-draw';
import { PopulationGenerator } from './family-generator';
import { FIXTURE_FAMILIES, UNREGISTERED } from './fixtures';

/** The registry records that make a family one archetype (the rest of `Family` is its people). */
type ArchetypeRecords = Pick<Family, 'households' | 'properties'> &
  Partial<Pick<Family, 'permits' | 'insurance'>>;

/**
 * One entry per archetype: which households, homes, permits and insurance the registries hold
 * for it. Each entry draws from the shared stream in the order it is written.
 */
const RECORDS_OF: Record<Archetype, (f: FamilyDraw) => ArchetypeRecords> = {
  SOLE_OWNER_AT_HUKOU: (f) => ({
    households: [f.household(f.here, f.countyCode, f.father, f.oldMove())],
    properties: [f.owned(f.here, [f.father])],
  }),
  CO_OWNER_AT_HUKOU: (f) => ({
    households: [f.household(f.here, f.countyCode, f.father, f.oldMove())],
    properties: [
      f.owned(
        f.here,
        f.guardians.length > 1
          ? f.guardians
          : [f.father, f.gen.person(f.surname, f.countyCode, '1960-01-01', '1970-12-31')],
      ),
    ],
  }),
  HUKOU_AND_HOME_ELSEWHERE: (f) => ({
    households: [f.household(f.here, f.countyCode, f.father, f.oldMove())],
    properties: [f.owned(f.elsewhereInCounty, [f.father])],
  }),
  GRANDPARENT_HOME: (f) => ({
    households: [f.household(f.here, f.countyCode, f.grandparents[0]!, f.oldMove(), 'GRANDCHILD')],
    properties: [f.owned(f.here, f.grandparents)],
  }),
  HUKOU_OLD_NO_HOME: (f) => ({
    households: [
      f.household(f.here, f.countyCode, f.father, f.gen.date('2012-01-01', '2024-12-31')),
    ],
    properties: [],
  }),
  HOME_HUKOU_ELSEWHERE: (f) => ({
    households: [f.household(f.gen.outskirts(f.countyCode), f.countyCode, f.father, f.oldMove())],
    properties: [f.owned(f.here, [f.father])],
  }),
  HUKOU_RECENT_NO_HOME: (f) => ({
    households: [
      f.household(f.here, f.countyCode, f.father, f.gen.date('2025-10-01', '2026-06-30')),
    ],
    properties: [],
  }),
  MIGRANT_FOUR_PROOFS: (f) => ({
    households: [f.hometownHousehold()],
    properties: [f.owned(f.here, [f.father], 'REGISTERED_RENTAL')],
    permits: [f.permit(f.father)],
    insurance: f.insured(f.gen.int(12, 24)),
  }),
  MIGRANT_SHORT_INSURANCE: (f) => ({
    households: [f.hometownHousehold()],
    properties: [f.owned(f.here, [f.father], 'REGISTERED_RENTAL')],
    permits: [f.permit(f.father)],
    insurance: f.insured(f.gen.int(0, 11)),
  }),
  MIGRANT_NO_PERMIT: (f) => ({
    households: [f.hometownHousehold()],
    properties: [f.owned(f.here, [f.father], 'REGISTERED_RENTAL')],
    insurance: f.insured(f.gen.int(12, 24)),
  }),
};

function familyOf(gen: PopulationGenerator, familyNo: string): Family {
  const f = new FamilyDraw(gen, familyNo);
  // Every family draws a default insurance record first, even when its archetype replaces it.
  const people = {
    familyNo,
    archetype: f.archetype,
    countyCode: f.countyCode,
    child: f.child,
    siblings: f.siblings,
    guardians: f.guardians,
    grandparents: f.grandparents,
    permits: [],
    insurance: f.insured(gen.int(0, 24)),
  };
  return { ...people, ...RECORDS_OF[f.archetype](f) };
}

/** `count` families, always the same for the same seed. */
export function generateFamilies(seed: number, count: number): Family[] {
  // The named fixtures' numbers are taken; the generated population never reuses them.
  const reserved = Object.values(FIXTURE_FAMILIES).flatMap((f) =>
    [f.child, ...f.siblings, ...f.guardians, ...f.grandparents].map((p) => p.idNumber),
  );
  const gen = new PopulationGenerator(seed, [...reserved, UNREGISTERED.idNumber]);
  return Array.from({ length: count }, (_, i) => familyOf(gen, String(i + 1).padStart(8, '0')));
}

/** A digest of the whole population, to show that one seed always yields the same registries. */
export function familiesDigest(families: readonly Family[]): string {
  return createHash('sha256').update(JSON.stringify(families)).digest('hex');
}
