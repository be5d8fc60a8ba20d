import { Client } from 'pg';
import { migrationsDir } from '../../src/config/paths';
import { migrate } from '../../src/db/migrator';
import { actualCatalog, expectedCatalog, loadDatamodel } from '../support/catalog';
import { createEmptyDatabase, type TestDatabase } from '../support/database';

describe('prisma/schema.prisma and prisma/migrations describe the same database', () => {
  let sut: TestDatabase;

  beforeEach(async () => {
    sut = await createEmptyDatabase();
    await migrate(sut.url, migrationsDir());
  });
  afterEach(() => sut?.drop());

  it('has exactly the tables, columns, types, nullability, indexes, enums and foreign keys of the data model', async () => {
    const expected = expectedCatalog(loadDatamodel());
    expect(Object.keys(expected.tables).length).toBeGreaterThan(5);
    expect(await actualCatalog(sut.url)).toEqual(expected);
  });

  it.each([
    ['a column made nullable', 'ALTER TABLE "application" ALTER COLUMN "child_name" DROP NOT NULL'],
    ['an index dropped', 'DROP INDEX "application_county_code_status_idx"'],
    ['a column added', 'ALTER TABLE "season" ADD COLUMN "note" TEXT'],
    ['an enum value added', `ALTER TYPE "EnrolmentStatus" ADD VALUE 'ARCHIVED'`],
    ['a column type changed', 'ALTER TABLE "school" ALTER COLUMN "places" TYPE BIGINT'],
  ])('notices %s', async (_what, ddl) => {
    const client = new Client({ connectionString: sut.url });
    await client.connect();
    await client.query(ddl);
    await client.end();
    expect(await actualCatalog(sut.url)).not.toEqual(expectedCatalog(loadDatamodel()));
  });
});
