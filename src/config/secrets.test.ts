import { ConfigError, loadConfig } from './config';
import { DEVELOPMENT_KEY_LISTS } from './secrets';

/** A key list of one 32-byte key made of `byte`. */
const keyList = (id: string, byte: number) => `${id}:${Buffer.alloc(32, byte).toString('base64')}`;

/** A production environment every check accepts; each test spoils one variable. */
const fit = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://gx@db:5432/gx',
  DATA_SHARING_APP_SECRET: 'exchange-secret-0123456789abcdefghij',
  CHILD_KEY_SECRET: 'child-key-secret-0123456789abcdefghij',
  GUARDIAN_KEY_SECRET: 'guardian-key-secret-0123456789abcdefghij',
  AUTH_JWT_SECRET: 'access-token-secret-0123456789abcdefghij',
  PAGE_TOKEN_SECRET: 'page-token-secret-0123456789abcdefghij',
  PLATFORM_FAMILY_TOKEN_SECRET: 'family-token-secret-0123456789abcdefghij',
  PLATFORM_CALLBACK_SECRET: 'callback-secret-0123456789abcdefghij',
  PAYLOAD_ENCRYPTION_KEYS: `${keyList('old', 1)},${keyList('new', 2)}`,
  COLUMN_ENCRYPTION_KEYS: keyList('col1', 3),
  AUTH_ISSUER: 'gx-enrolment',
  PLATFORM_ISSUER: 'guitongban',
  PLATFORM_CALLBACK_URL: 'https://platform.example/callbacks',
};

const secrets = [
  'DATA_SHARING_APP_SECRET',
  'CHILD_KEY_SECRET',
  'GUARDIAN_KEY_SECRET',
  'AUTH_JWT_SECRET',
  'PAGE_TOKEN_SECRET',
  'PLATFORM_FAMILY_TOKEN_SECRET',
  'PLATFORM_CALLBACK_SECRET',
] as const;

const keyLists = ['PAYLOAD_ENCRYPTION_KEYS', 'COLUMN_ENCRYPTION_KEYS'] as const;

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

  it('refuses the child key as the guardian key the platform holds (issue 12)', () => {
    expect(problems({ ...fit, GUARDIAN_KEY_SECRET: fit.CHILD_KEY_SECRET })).toEqual([
      'CHILD_KEY_SECRET: must not be reused for another purpose',
      'GUARDIAN_KEY_SECRET: must not be reused for another purpose',
    ]);
  });

  it.each(keyLists)('requires %s', (name) => {
    expect(problems({ ...fit, [name]: undefined })).toEqual([`${name}: must be set in production`]);
  });

  it.each(keyLists)('refuses a malformed %s, saying what is wrong', (name) => {
    expect(problems({ ...fit, [name]: 'reserved-for-the-key' })).toEqual([
      `${name}: each entry must be id:base64key (id of [A-Za-z0-9._-])`,
    ]);
    expect(problems({ ...fit, [name]: `k1:${Buffer.alloc(16).toString('base64')}` })).toEqual([
      `${name}: key "k1" must be 32 bytes (base64)`,
    ]);
  });

  it.each(keyLists)(
    'refuses a %s holding a public development key, even beside a real one',
    (name) => {
      for (const development of Object.values(DEVELOPMENT_KEY_LISTS))
        expect(problems({ ...fit, [name]: `${keyList('real', 9)},${development}` })).toEqual([
          `${name}: must not hold a development key in production`,
        ]);
    },
  );

  it('refuses a master key shared by the payload codec and the column sealer, naming both', () => {
    const shared = keyList('same', 7);
    expect(
      problems({
        ...fit,
        PAYLOAD_ENCRYPTION_KEYS: `${keyList('p1', 1)},${shared}`,
        COLUMN_ENCRYPTION_KEYS: shared.replace('same', 'other-id'),
      }),
    ).toEqual([
      'PAYLOAD_ENCRYPTION_KEYS: must not share a key with another purpose',
      'COLUMN_ENCRYPTION_KEYS: must not share a key with another purpose',
    ]);
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
