import { Client } from 'pg';
import { createDb, type Db } from '../../src/db/prisma-client';
import { ReferenceDataRepository } from '../../src/db/reference-data-repository';
import { seedReferenceData } from '../../src/db/seed-reference-data';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database';

/**
 * What a submission reads of the reference data, in one round trip (`forIntake`): each part as
 * the tables hold it, absent where nothing is on file, and the window's instants exact whatever
 * the database session's time zone (the columns hold UTC wall time, as Prisma writes them).
 */
describe('the reference data a submission is checked against', () => {
  let database: MigratedDatabase;
  let inShanghai: Db;
  const form = {
    countyCode: '450103',
    stage: 'PRIMARY_1' as const,
    seasonYear: 2026,
    schoolChoices: ['ref-school-a', 'ref-school-b', 'no-such-school'],
  };

  beforeAll(async () => {
    database = await createMigratedDatabase();
    await seedReferenceData(database.db);
    const owner = new Client({ connectionString: database.ownerUrl });
    await owner.connect();
    const name = new URL(database.ownerUrl).pathname.slice(1);
    await owner.query(`ALTER DATABASE "${name}" SET timezone TO 'Asia/Shanghai'`);
    await owner.end();
    inShanghai = createDb({ url: database.url, poolMax: 1 });
  });
  afterAll(async () => {
    await inShanghai.$disconnect();
    await database.drop();
  });

  it('reads the window, the season, the chosen schools and the county’s periods together', async () => {
    const opensAt = new Date('2026-07-01T00:30:00.000Z');
    const closesAt = new Date('2026-07-10T15:59:59.999Z');
    await database.db.registrationWindow.create({
      data: { countyCode: form.countyCode, stage: form.stage, seasonYear: 2026, opensAt, closesAt },
    });
    await database.db.school.createMany({
      data: ['ref-school-a', 'ref-school-b'].map((id, i) => ({
        id,
        countyCode: form.countyCode,
        stage: i ? ('JUNIOR_1' as const) : ('PRIMARY_1' as const),
        nameZh: id,
        type: 'PUBLIC' as const,
        places: 10,
      })),
    });
    await database.db.county.update({
      where: { code: form.countyCode },
      data: { reviewSlaMs: 3_600_000, appealWindowMs: 86_400_000 },
    });

    const reference = await new ReferenceDataRepository(inShanghai).forIntake(form);

    expect(reference.window).toEqual({ opensAt, closesAt });
    expect(reference.season).toEqual({
      year: 2026,
      primaryBornOnOrBefore: '2020-08-31',
      juniorBornOnOrBefore: '2015-08-31',
    });
    expect([...reference.schools.values()]).toEqual(
      expect.arrayContaining([
        { id: 'ref-school-a', countyCode: form.countyCode, stage: 'PRIMARY_1' },
        { id: 'ref-school-b', countyCode: form.countyCode, stage: 'JUNIOR_1' },
      ]),
    );
    expect(reference.schools.size).toBe(2);
    expect(reference.county).toEqual({
      reviewSlaMs: 3_600_000,
      supplementDeadlineMs: null,
      appealWindowMs: 86_400_000,
    });
  });

  it('leaves out what is not on file: no window, season, school or county', async () => {
    const reference = await new ReferenceDataRepository(inShanghai).forIntake({
      countyCode: '999999',
      stage: 'JUNIOR_1',
      seasonYear: 2031,
      schoolChoices: ['no-such-school'],
    });
    expect(reference).toEqual({
      window: null,
      season: undefined,
      schools: new Map(),
      county: undefined,
    });
  });
});
