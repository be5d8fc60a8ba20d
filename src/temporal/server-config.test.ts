import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEPLOYMENT_POOLS, standardPorts, writeServerConfig } from './server-config';

const STORES = {
  postgres: { host: '127.0.0.1', port: 5432, user: 'postgres', password: '' },
  databases: { temporal: 't', visibility: 't_visibility' },
};

describe("Temporal server's configuration", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'server-config-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('keeps the documented ports around the frontend', () => {
    expect(standardPorts(7233)).toMatchObject({ frontend: 7233, history: 7234, matching: 7235 });
    expect(standardPorts(17233)).toMatchObject({ frontendHttp: 17243, workerMembership: 16939 });
  });

  it('is written where `--root DIR --config config --env NAME` reads it, PostgreSQL for both stores', async () => {
    const args = await writeServerConfig(root, {
      ...STORES,
      ports: standardPorts(7233),
    });
    expect(args).toEqual([
      '--root',
      root,
      '--config',
      'config',
      '--env',
      'gx-enrolment',
      '--allow-no-auth',
      'start',
    ]);
    const config = JSON.parse(await readFile(join(root, 'config', 'gx-enrolment.yaml'), 'utf8'));
    const stores = config.persistence.datastores;
    expect(stores[config.persistence.defaultStore].sql).toMatchObject({
      pluginName: 'postgres12',
      databaseName: 't',
      connectAddr: '127.0.0.1:5432',
    });
    expect(stores[config.persistence.visibilityStore].sql.databaseName).toBe('t_visibility');
    expect(config.services.frontend.rpc).toMatchObject({ grpcPort: 7233, bindOnLocalHost: true });
    expect(config.dynamicConfigClient.filepath).toBe(join(root, 'config', 'dynamicconfig.yaml'));
  });

  it('leaves the search-attribute caches on: no forced read of the database on every use', async () => {
    await writeServerConfig(root, { ...STORES, ports: standardPorts(7233) });
    const dynamic = JSON.parse(await readFile(join(root, 'config', 'dynamicconfig.yaml'), 'utf8'));
    expect(dynamic).toHaveProperty(['frontend.enableUpdateWorkflowExecution']);
    expect(dynamic).not.toHaveProperty(['system.forceSearchAttributesCacheRefreshOnRead']);
  });

  it('sizes each store’s pool per service: a deployment’s unless the caller gives its own', async () => {
    const pools = async (given?: { history: number; visibility: number }) => {
      await writeServerConfig(root, {
        ...STORES,
        ports: standardPorts(7233),
        ...(given && { pools: given }),
      });
      const config = JSON.parse(await readFile(join(root, 'config', 'gx-enrolment.yaml'), 'utf8'));
      const sql = (store: string) => config.persistence.datastores[store].sql;
      return [config.persistence.defaultStore, config.persistence.visibilityStore].map((store) => [
        sql(store).maxConns,
        sql(store).maxIdleConns,
      ]);
    };
    expect(await pools()).toEqual([
      [DEPLOYMENT_POOLS.history, DEPLOYMENT_POOLS.history],
      [DEPLOYMENT_POOLS.visibility, DEPLOYMENT_POOLS.visibility],
    ]);
    expect(await pools({ history: 5, visibility: 2 })).toEqual([
      [5, 5],
      [2, 2],
    ]);
  });

  it('refuses ports the server cannot record (its membership column is a smallint)', async () => {
    await expect(
      writeServerConfig(root, {
        ...STORES,
        ports: standardPorts(42_209),
      }),
    ).rejects.toThrow(/below 32768: frontend=42209/);
  });
});
