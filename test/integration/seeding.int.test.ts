import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/paths';
import { seedDemoData } from '../../src/db/seed-demo-data';
import { createDb, type Db } from '../../src/db/prisma-client';
import { GUANGXI_CITIES } from '../../src/domain/reference/guangxi-divisions';
import { LOCKED_CERTIFICATE } from '../../src/domain/reference/demo-fixtures';
import { built } from '../support/build';
import { createEmptyDatabase, type TestDatabase } from '../support/database';
import { scaled } from '../support/time-scale';

/** The rows only the demo data set holds; a deployment enters its own. */
async function demoRows(db: Db) {
  return {
    schools: await db.school.count(),
    registrationPoints: await db.registrationPoint.count(),
    appointmentSlots: await db.appointmentSlot.count(),
    housingLocks: await db.housingLock.count(),
  };
}

describe('seeding: what a deployment gets from db:migrate, and what only the demo start adds', () => {
  let database: TestDatabase;
  let db: Db;
  let dataDir: string;

  beforeAll(async () => {
    database = await createEmptyDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'gx-seeding-'));
    db = createDb({ url: database.url, poolMax: 1 });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('db:migrate (the built launcher a deployment runs) loads the counties and seasons and no demo rows', async () => {
    const run = () =>
      spawnSync(process.execPath, [built('src/main/migrate.ts')], {
        cwd: projectRoot(),
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          DATABASE_URL: database.url,
          DATA_DIR: dataDir,
        },
        encoding: 'utf8',
        timeout: scaled(60_000),
      });
    const first = run();
    expect(first.stderr + first.stdout).toContain('reference data seeded');
    expect(first.status).toBe(0);
    const counties = GUANGXI_CITIES.flatMap((c) => c.counties).length;
    expect(await db.county.count()).toBe(counties);
    expect((await db.season.findMany({ orderBy: { year: 'asc' } })).map((s) => s.year)).toEqual([
      2026, 2027,
    ]);
    expect(await demoRows(db)).toEqual({
      schools: 0,
      registrationPoints: 0,
      appointmentSlots: 0,
      housingLocks: 0,
    });

    expect(run().status).toBe(0);
    expect(await db.county.count()).toBe(counties);
    expect(await demoRows(db)).toMatchObject({ schools: 0, housingLocks: 0 });
  });

  it('the demo data adds schools, registration points with slots and the fixture lock, once', async () => {
    const today = new Date('2026-05-01T00:00:00Z');
    await seedDemoData(db, today, 2);
    const seeded = await demoRows(db);
    expect(seeded.schools).toBeGreaterThan(0);
    expect(seeded.registrationPoints).toBeGreaterThan(0);
    expect(seeded.appointmentSlots).toBe(seeded.registrationPoints * 2 * 6);
    expect(
      await db.housingLock.findUnique({ where: { certificateNo: LOCKED_CERTIFICATE } }),
    ).not.toBeNull();
    await seedDemoData(db, today, 2);
    expect(await demoRows(db)).toEqual(seeded);
  });
});
