import { spawnSync } from 'node:child_process';
import { projectRoot } from '../../src/config/paths';
import { composeEnv } from '../../scripts/compose';

/** There is no Docker engine here; `docker compose config` still validates and renders the file. */
function composeConfig(extraEnv: Record<string, string | undefined>) {
  const env = composeEnv();
  if (!env)
    throw new Error(
      'docker compose is not available: run `npm run compose:install` (part of `npm run setup`)',
    );
  const clean = { ...env };
  for (const key of Object.keys(secrets)) delete clean[key];
  return spawnSync(
    'docker',
    ['compose', '--file', 'docker-compose.yml', 'config', '--format', 'json'],
    {
      cwd: projectRoot(),
      env: { ...clean, ...extraEnv },
      encoding: 'utf8',
    },
  );
}

const secrets = {
  POSTGRES_PASSWORD: 'pg-secret',
  APP_DATABASE_PASSWORD: 'app-db-secret',
  DATA_SHARING_APP_SECRET: 'exchange-secret-0123456789',
  CHILD_KEY_SECRET: 'child-key-secret-0123456789',
  GUARDIAN_KEY_SECRET: 'guardian-key-secret-0123456789abcdefghij',
  AUTH_ISSUER: 'gx-enrolment',
  AUTH_JWT_SECRET: 'access-token-secret-0123456789abcdefghij',
  PAGE_TOKEN_SECRET: 'page-token-secret-0123456789abcdefghij',
  PLATFORM_ISSUER: 'guitongban',
  PLATFORM_FAMILY_TOKEN_SECRET: 'family-token-secret-0123456789abcdefghij',
  PLATFORM_CALLBACK_SECRET: 'callback-secret-0123456789abcdefghij',
  PLATFORM_CALLBACK_URL: 'https://platform.example/callbacks',
  PAYLOAD_ENCRYPTION_KEYS: 'payload-keys',
  COLUMN_ENCRYPTION_KEYS: 'column-keys',
};

describe('docker-compose.yml', () => {
  it('renders a deployment of every process, with Temporal on PostgreSQL', () => {
    const result = composeConfig(secrets);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const config = JSON.parse(result.stdout) as {
      services: Record<
        string,
        { image?: string; command?: string[]; environment?: Record<string, string>; user?: string }
      >;
    };
    expect(Object.keys(config.services).sort()).toEqual(
      [
        'api',
        'migrate',
        'postgres',
        'simulator',
        'temporal',
        'temporal-schema',
        'temporal-setup',
        'temporal-ui',
        'worker',
      ].sort(),
    );
    // The Web UI decodes payloads through the API's codec server with the user's own token.
    expect(config.services['temporal-ui']!.environment).toMatchObject({
      TEMPORAL_CODEC_ENDPOINT: 'http://localhost:3000/codec',
      TEMPORAL_CODEC_PASS_ACCESS_TOKEN: 'true',
    });
    expect(config.services.temporal!.environment).toMatchObject({
      DB: 'postgres12',
      POSTGRES_SEEDS: 'postgres',
    });
    for (const name of ['api', 'worker', 'simulator', 'migrate']) {
      expect(config.services[name]!.environment).toMatchObject({
        NODE_ENV: 'production',
        TEMPORAL_ADDRESS: 'temporal:7233',
        CHILD_KEY_SECRET: secrets.CHILD_KEY_SECRET,
        GUARDIAN_KEY_SECRET: secrets.GUARDIAN_KEY_SECRET,
        AUTH_ISSUER: secrets.AUTH_ISSUER,
      });
    }
    // Only migrate connects as the owner; the processes connect as the application's role.
    expect(config.services.migrate!.environment).toMatchObject({
      MIGRATION_DATABASE_URL: 'postgresql://gx:pg-secret@postgres:5432/gx_enrolment',
      DATABASE_URL: 'postgresql://gx_api:app-db-secret@postgres:5432/gx_enrolment',
    });
    for (const name of ['api', 'worker', 'simulator']) {
      expect(config.services[name]!.environment).not.toHaveProperty('MIGRATION_DATABASE_URL');
      expect(config.services[name]!.environment!.DATABASE_URL).toMatch(/^postgresql:\/\/gx_api:/);
    }
    expect(config.services.worker!.command).toEqual(['node', 'dist/src/main/worker.js']);
    expect(config.services.worker!.environment).toMatchObject({
      WORKER_METRICS_HOST: '0.0.0.0',
      WORKER_METRICS_PORT: '9464',
    });
  });

  it('publishes only the API: neither Temporal (7233) nor its Web UI (8233)', () => {
    const result = composeConfig(secrets);
    const config = JSON.parse(result.stdout) as {
      services: Record<string, { ports?: { published?: string | number }[] }>;
    };
    const published = Object.entries(config.services).flatMap(([name, service]) =>
      (service.ports ?? []).map((p) => `${name}:${String(p.published)}`),
    );
    expect(published).toEqual(['api:3000']);
  });

  it('refuses to render without the secrets a deployment must set', () => {
    const result = composeConfig({});
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/POSTGRES_PASSWORD|CHILD_KEY_SECRET|DATA_SHARING_APP_SECRET/);
  });

  it.each(Object.keys(secrets))('refuses to render without %s', (name) => {
    const result = composeConfig({ ...secrets, [name]: undefined });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`set ${name}`);
  });
});
