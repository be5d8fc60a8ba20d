import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has working embedded defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      API_PORT: 3000,
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_UI_PORT: 8233,
      WORKER_METRICS_PORT: 9464,
    });
    expect(config.LOG_LEVEL).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every invalid variable', () => {
    const attempt = () => loadConfig({ API_PORT: 'eighty', DATABASE_URL: 'not a url' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/API_PORT: .*\n\s*DATABASE_URL: /);
  });

  it('refuses development secrets and the embedded database in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /CHILD_KEY_SECRET[\s\S]*DATA_SHARING_APP_SECRET[\s\S]*DATABASE_URL/,
    );
  });
});
