import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsDir } from '../../src/config/paths';
import { ApplicationRepository } from '../../src/db/application-repository';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded-postgres';
import { migrate } from '../../src/db/migrator';
import { createDb } from '../../src/db/prisma-client';
import { columnSealerOf } from '../../src/encryption/sealer';
import { seedReferenceData } from '../../src/db/seed-reference-data';
import { actualCatalog, expectedCatalog, loadDatamodel } from '../support/catalog';
import { freePort } from '../support/free-port';

describe('the embedded database (PGlite over the Postgres wire protocol)', () => {
  let dir: string;
  let embedded: EmbeddedPostgres | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pglite-'));
  });
  afterAll(async () => {
    await embedded?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes the same migrations, the same schema and the same Prisma adapter, and keeps data across restarts', async () => {
    const port = await freePort();
    embedded = await startEmbeddedPostgres(dir, port);
    expect((await migrate(embedded.url, migrationsDir())).applied.length).toBeGreaterThan(0);
    expect(await actualCatalog(embedded.url)).toEqual(expectedCatalog(loadDatamodel()));

    const db = createDb({ url: embedded.url, poolMax: 1 });
    await seedReferenceData(db);
    const sequence = await new ApplicationRepository(
      db,
      columnSealerOf({ CHILD_KEY_SECRET: 'test-lookup-secret' }),
    ).nextSequence(2026, '450103');
    await db.$disconnect();
    await embedded.stop();

    embedded = await startEmbeddedPostgres(dir, port);
    expect((await migrate(embedded.url, migrationsDir())).applied).toEqual([]);
    const again = createDb({ url: embedded.url, poolMax: 1 });
    expect(await again.county.count()).toBeGreaterThanOrEqual(2);
    expect(
      await new ApplicationRepository(
        again,
        columnSealerOf({ CHILD_KEY_SECRET: 'test-lookup-secret' }),
      ).nextSequence(2026, '450103'),
    ).toBe(sequence + 1);
    await again.$disconnect();
  });
});
