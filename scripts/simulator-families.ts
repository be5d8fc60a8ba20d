import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config';
import { generateFamilies } from '../src/simulator/families';
import { ARCHETYPES, type Family } from '../src/simulator/family-records';
import { FIXTURE_FAMILIES } from '../src/simulator/fixtures';
import { formForFamily } from '../src/testing/forms';

/**
 * `npm run -s simulator:families` lists a few families per archetype that the simulator's
 * registries hold (the named fixtures whatever the seed, then the population of SIMULATOR_SEED),
 * with what a developer types into a 2026 PRIMARY_1 form; every department check of a truthful form MATCHes.
 * `-- --per-archetype 5` lists more; `-- --json` prints each as a whole form, ready to POST.
 * The families are synthetic: their ID numbers belong to nobody.
 */

/** The first families are enough: the population is generated in order, whatever its size. */
const SCANNED = 2000;

export interface FamilyRow {
  readonly archetype: string;
  readonly formType: 'A' | 'B';
  readonly countyCode: string;
  readonly child: { readonly name: string; readonly idNumber: string; readonly birthDate: string };
  readonly guardian: { readonly name: string; readonly idNumber: string } | null;
  readonly housingCertificate: string | null;
}

function rowOf(family: Family): FamilyRow {
  const guardian = family.guardians[0];
  return {
    archetype: family.archetype,
    formType: family.households[0]?.divisionCode === family.countyCode ? 'A' : 'B',
    countyCode: family.countyCode,
    child: {
      name: family.child.name,
      idNumber: family.child.idNumber,
      birthDate: family.child.birthDate,
    },
    guardian: guardian ? { name: guardian.name, idNumber: guardian.idNumber } : null,
    housingCertificate: family.properties[0]?.certificateNo ?? null,
  };
}

/** Children who start primary school in the 2026 season, as the forms printed here apply. */
const inFirstGradeCohort = (f: Family) =>
  f.child.birthDate >= '2019-09-01' && f.child.birthDate <= '2020-08-31';

/** Up to `perArchetype` families of each archetype, in archetype order. */
export function familiesByArchetype(families: readonly Family[], perArchetype: number): Family[] {
  return ARCHETYPES.flatMap((archetype) =>
    families
      .filter((f) => f.archetype === archetype && inFirstGradeCohort(f))
      .slice(0, perArchetype),
  );
}

export function familyRows(families: readonly Family[]): FamilyRow[] {
  return families.map(rowOf);
}

/** The families the registries of a simulator started with this seed hold first. */
export function simulatorFamilies(seed: number, population: number): Family[] {
  return [
    ...Object.values(FIXTURE_FAMILIES),
    ...generateFamilies(seed, Math.min(population, SCANNED)),
  ];
}

function formatRow(row: FamilyRow): string {
  return [
    `  ${row.child.name}`,
    `ID ${row.child.idNumber}`,
    `born ${row.child.birthDate}`,
    `county ${row.countyCode}`,
    `Form ${row.formType}`,
    `guardian ${row.guardian ? `${row.guardian.name} ${row.guardian.idNumber}` : '-'}`,
    `housing ${row.housingCertificate ?? '- (none)'}`,
  ].join('  ');
}

function main(): void {
  const { values } = parseArgs({
    options: { 'per-archetype': { type: 'string', default: '3' }, json: { type: 'boolean' } },
  });
  const perArchetype = Number(values['per-archetype']);
  if (!Number.isInteger(perArchetype) || perArchetype < 1) {
    process.stderr.write('--per-archetype must be a whole number from 1\n');
    process.exit(2);
  }
  const config = loadConfig();
  const chosen = familiesByArchetype(
    simulatorFamilies(config.SIMULATOR_SEED, config.SIMULATOR_POPULATION),
    perArchetype,
  );
  if (values.json) {
    const forms = chosen.map((f) => ({ archetype: f.archetype, form: formForFamily(f) }));
    process.stdout.write(`${JSON.stringify(forms, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `Families the simulator (SIMULATOR_SEED=${config.SIMULATOR_SEED}) can verify; synthetic data.\n`,
  );
  let archetype = '';
  for (const row of familyRows(chosen)) {
    if (row.archetype !== archetype) process.stdout.write(`\n${(archetype = row.archetype)}\n`);
    process.stdout.write(`${formatRow(row)}\n`);
  }
}

if (require.main === module) main();
