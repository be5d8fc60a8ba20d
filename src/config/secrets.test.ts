import { ConfigError, loadConfig } from './config';

/** A production environment every check accepts; each test spoils one variable. */
const fit = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://gx@db:5432/gx',
  DATA_SHARING_APP_SECRET: 'exchange-secret-0123456789abcdefghij',
  CHILD_KEY_SECRET: 'child-key-secret-0123456789abcdefghij',
  AUTH_JWT_SECRET: 'access-token-secret-0123456789abcdefghij',
  PAGE_TOKEN_SECRET: 'page-token-secret-0123456789abcdefghij',
  PLATFORM_FAMILY_TOKEN_SECRET: 'family-token-secret-0123456789abcdefghij',
  PLATFORM_CALLBACK_SECRET: 'callback-secret-0123456789abcdefghij',
  PAYLOAD_ENCRYPTION_KEYS: 'reserved-for-the-payload-codec',
  COLUMN_ENCRYPTION_KEYS: 'reserved-for-column-encryption',
  AUTH_ISSUER: 'gx-enrolment',
  PLATFORM_ISSUER: 'guitongban',
  PLATFORM_CALLBACK_URL: 'https://platform.example/callbacks',
};

const secrets = [
  'DATA_SHARING_APP_SECRET',
  'CHILD_KEY_SECRET',
  'AUTH_JWT_SECRET',
  'PAGE_TOKEN_SECRET',
  'PLATFORM_FAMILY_TOKEN_SECRET',
  'PLATFORM_CALLBACK_SECRET',
] as const;

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('production secrets', () => {
  it('accepts a complete production configuration', () => {
    expect(problems(fit)).toEqual([]);
  });

  it.each(secrets)('refuses the development default of %s', (name) => {
    expect(problems({ ...fit, [name]: undefined })).toEqual([
      `${name}: must not be a development default in production`,
    ]);
  });

  it.each(secrets)('refuses a %s shorter than 32 bytes', (name) => {
    expect(problems({ ...fit, [name]: 'short-but-over-16-bytes' })).toEqual([
      `${name}: must be at least 32 bytes in production`,
    ]);
  });

  it('counts bytes, not characters', () => {
    // 16 CJK characters are 48 bytes in UTF-8.
    expect(problems({ ...fit, AUTH_JWT_SECRET: '义务教育入学申请服务密钥用于签名' })).toEqual([]);
  });

  it('refuses one key reused for two purposes, naming both', () => {
    expect(problems({ ...fit, PAGE_TOKEN_SECRET: fit.AUTH_JWT_SECRET })).toEqual([
      'AUTH_JWT_SECRET: must not be reused for another purpose',
      'PAGE_TOKEN_SECRET: must not be reused for another purpose',
    ]);
  });

  it.each(['PAYLOAD_ENCRYPTION_KEYS', 'COLUMN_ENCRYPTION_KEYS'])('requires %s', (name) => {
    expect(problems({ ...fit, [name]: undefined })).toEqual([`${name}: must be set in production`]);
  });

  it.each(['AUTH_ISSUER', 'PLATFORM_ISSUER'])('refuses a development %s', (name) => {
    expect(problems({ ...fit, [name]: 'someone-dev' })).toEqual([
      `${name}: must not be a development issuer (-dev)`,
    ]);
    expect(problems({ ...fit, [name]: undefined })).toEqual([
      `${name}: must not be a development issuer (-dev)`,
    ]);
  });

  it('names every offending variable at once', () => {
    const named = problems({ NODE_ENV: 'production' }).map((p) => p.split(':')[0]);
    expect(named.sort()).toEqual(
      [
        ...secrets,
        'PAYLOAD_ENCRYPTION_KEYS',
        'COLUMN_ENCRYPTION_KEYS',
        'AUTH_ISSUER',
        'PLATFORM_ISSUER',
        'DATABASE_URL',
        'PLATFORM_CALLBACK_URL',
      ].sort(),
    );
  });

  it('refuses a plain-http platform callback URL', () => {
    expect(
      problems({ ...fit, PLATFORM_CALLBACK_URL: 'http://platform.example/callbacks' }),
    ).toEqual(['PLATFORM_CALLBACK_URL: must be an https URL in production']);
  });

  it('keeps the development defaults outside production', () => {
    expect(problems({ NODE_ENV: 'development' })).toEqual([]);
    expect(problems({ NODE_ENV: 'test' })).toEqual([]);
  });
});
