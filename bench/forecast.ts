import type { StatusNotifier } from '../src/integration/platform/status-notifier';
import type { DataSharingClient } from '../src/integration/data-sharing/client';
import { earlyWarningActivities } from '../src/activities/early-warning';
import { WarningRepository } from '../src/db/warning-repository';
import { seedReferenceData } from '../src/db/seed-reference-data';
import type { UnitPopulation } from '../src/domain/forecast/population';
import { GUANGXI_CITIES } from '../src/domain/reference/guangxi-divisions';
import { mulberry32 } from '../src/simulator/prng';
import { createMigratedDatabase } from '../test/support/database';

/**
 * `npm run bench:forecast`: one early-warning run over a whole region — every county of Guangxi
 * with BENCH_SCHOOLS schools in all (default 3 000: two thirds primary, each with two catchment
 * units; juniors fed by three primaries) — as the schedule's workflow runs it per county: read the
 * population and the read model, forecast six seasons, grade, record the levels and the outbox.
 * Twice: the first run notifies every warning, the second (nothing changed) none. Prints the time
 * and the process's peak memory. The population pull is one HTTP call per county and is left out.
 */
const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 3000);
const AS_OF = '2026-12-02T00:00:00.000Z';

function unitsOf(rand: () => number, ids: readonly string[]): UnitPopulation[] {
  return ids.map((unit) => ({
    unit,
    ages: Array.from({ length: 13 }, (_, age) => {
      const cohort = 80 + Math.floor(rand() * 120);
      const hukou = Math.floor(cohort * (0.6 + rand() * 0.3));
      return { age, hukou, permit: cohort - hukou };
    }),
    moves: [2023, 2024, 2025].map((year) => {
      const moveIn = Math.floor(rand() * 40);
      return { year, moveIn, moveOut: Math.floor(moveIn * (0.5 + rand() * 0.6)) };
    }),
    births: [2021, 2022, 2023, 2024, 2025].map((year) => ({
      year,
      count: 60 + Math.floor(rand() * 80),
    })),
  }));
}

async function main(): Promise<void> {
  const database = await createMigratedDatabase();
  try {
    const { db } = database;
    await seedReferenceData(db);
    const counties = GUANGXI_CITIES.flatMap((c) => c.counties.map((x) => x.code));
    const perCounty = Math.ceil(SCHOOLS / counties.length);
    const repository = new WarningRepository(db);
    const rand = mulberry32(2026);
    let schools = 0;
    for (const county of counties) {
      const primaries = Math.ceil((perCounty * 2) / 3);
      const rows = Array.from({ length: perCounty }, (_, i) => {
        const primary = i < primaries;
        const id = `${county}-${primary ? 'P' : 'J'}${String(i).padStart(3, '0')}`;
        const feeders = [0, 1, 2].map(
          (k) => `${county}-P${String((i * 3 + k) % primaries).padStart(3, '0')}`,
        );
        return {
          id,
          countyCode: county,
          stage: primary ? ('PRIMARY_1' as const) : ('JUNIOR_1' as const),
          nameZh: `学校${id}`,
          type: 'PUBLIC' as const,
          places: 100 + Math.floor(rand() * 300),
          catchmentUnits: primary ? [`${id}-U1`, `${id}-U2`] : [],
          feederPrimaryIds: primary ? [] : feeders,
        };
      });
      schools += rows.length;
      await db.school.createMany({ data: rows });
      const unitIds = rows.flatMap((r) => r.catchmentUnits);
      await repository.savePopulation(county, AS_OF.slice(0, 10), unitsOf(rand, unitIds));
    }
    // Neither the platform nor the departments are called: the population is saved above.
    const activities = earlyWarningActivities(
      repository,
      {} as DataSharingClient,
      {} as StatusNotifier,
    );
    for (const label of ['first run (every warning notified)', 'second run (nothing changed)']) {
      const started = performance.now();
      let warnings = 0;
      let changes = 0;
      for (const county of await activities.listWarningCounties()) {
        const report = await activities.computeWarnings(county, AS_OF);
        warnings += report.warnings;
        changes += report.changes;
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${label}: ${counties.length} counties, ${schools} schools, ${warnings} school-seasons, ` +
          `${changes} level changes notified in ${seconds.toFixed(1)} s`,
      );
    }
    const notices = await db.warningNotification.count();
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    console.log(`outbox: ${notices} notices; peak memory (max RSS): ${peakMiB.toFixed(0)} MiB`);
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
