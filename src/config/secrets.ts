import { z } from 'zod';
import { KeyListConfigError, parseKeyList, type NamedKey } from '../encryption/key-list';

/**
 * The service's secrets, one per purpose so that a leaked key opens one door only. Their defaults
 * serve the embedded development setup and are public (they are in this repository), so a
 * production process refuses them, refuses short keys, refuses one key reused for two purposes,
 * and refuses development issuers — naming every offending variable at once.
 */
const DEV_SECRET = 'dev-only-secret-change-me';

/** HMAC-SHA256 keys shorter than the hash give away strength; 等保 level 3 expects full-length keys. */
const MIN_SECRET_BYTES = 32;

const DEVELOPMENT_SECRETS = {
  // The child key names workflows: changing its development default would orphan local cases.
  CHILD_KEY_SECRET: DEV_SECRET,
  // Not the child key's: a guardian keyed with the child key fails in development too.
  GUARDIAN_KEY_SECRET: `${DEV_SECRET}-guardian-012345`,
  DATA_SHARING_APP_SECRET: DEV_SECRET,
  AUTH_JWT_SECRET: `${DEV_SECRET}-auth-0123456789`,
  PAGE_TOKEN_SECRET: `${DEV_SECRET}-page-token-0123`,
  PLATFORM_FAMILY_TOKEN_SECRET: `${DEV_SECRET}-family-0123456`,
  PLATFORM_CALLBACK_SECRET: DEV_SECRET,
} as const;

type SecretName = keyof typeof DEVELOPMENT_SECRETS;

/**
 * The master keys of encryption in Temporal (the payload codec) and at rest (the sealer of the
 * read model and documents), `id:base64,…` (src/encryption/key-list.ts); production requires both.
 */
const ENCRYPTION_KEY_LISTS = ['PAYLOAD_ENCRYPTION_KEYS', 'COLUMN_ENCRYPTION_KEYS'] as const;
type KeyListName = (typeof ENCRYPTION_KEY_LISTS)[number];

const devKeyList = (text: string) => `dev1:${Buffer.from(text).toString('base64')}`;

/**
 * The key lists used where a variable is unset, for development and tests only: they are public,
 * so production refuses to start with any of their keys in its lists.
 */
export const DEVELOPMENT_KEY_LISTS: Record<KeyListName, string> = {
  PAYLOAD_ENCRYPTION_KEYS: devKeyList('dev-only-payload-key-change-me!!'),
  COLUMN_ENCRYPTION_KEYS: devKeyList('dev-only-column-key-change-me!!!'),
};

const ISSUERS = ['AUTH_ISSUER', 'PLATFORM_ISSUER'] as const;
const DEVELOPMENT_ISSUER = /-dev$/;

function secret(name: SecretName, purpose: string) {
  return z.string().min(16).default(DEVELOPMENT_SECRETS[name]).describe(purpose);
}

export const secretSettings = {
  DATA_SHARING_APP_SECRET: secret('DATA_SHARING_APP_SECRET', 'signs requests to the exchange'),
  CHILD_KEY_SECRET: secret(
    'CHILD_KEY_SECRET',
    "HMAC key of lookup keys: a child's key in workflow ids, a locked certificate",
  ),
  // Shared with the platform, which keys the real-name-verified guardian of its family tokens
  // with it: had it the child key, it could key every (enumerable) ID number and read workflow ids.
  GUARDIAN_KEY_SECRET: secret(
    'GUARDIAN_KEY_SECRET',
    "HMAC key of guardian keys, shared with the platform: tokens' `guardian` claim, claim codes",
  ),
  AUTH_ISSUER: z.string().min(1).default('gx-enrolment-dev'),
  AUTH_AUDIENCE: z.string().min(1).default('gx-enrolment'),
  AUTH_JWT_SECRET: secret('AUTH_JWT_SECRET', 'HS256 key of bearer tokens'),
  PAGE_TOKEN_SECRET: secret('PAGE_TOKEN_SECRET', "seals the operations console's page tokens"),
  PLATFORM_ISSUER: z.string().min(1).default('guitongban-dev'),
  PLATFORM_FAMILY_TOKEN_SECRET: secret(
    'PLATFORM_FAMILY_TOKEN_SECRET',
    'HS256 key of family tokens',
  ),
  PLATFORM_CALLBACK_SECRET: secret('PLATFORM_CALLBACK_SECRET', 'signs callbacks to the platform'),
  PAYLOAD_ENCRYPTION_KEYS: z.string().min(1).optional().describe('Temporal payload codec keys'),
  COLUMN_ENCRYPTION_KEYS: z
    .string()
    .min(1)
    .optional()
    .describe('master keys of personal data at rest (read model, documents)'),
};

type SecretConfig = z.infer<z.ZodObject<typeof secretSettings>>;

export interface SecretProblem {
  readonly variable: string;
  readonly message: string;
}

const developmentValues = new Set<string>(Object.values(DEVELOPMENT_SECRETS));

function secretProblem(value: string): string | undefined {
  if (developmentValues.has(value)) return 'must not be a development default in production';
  if (Buffer.byteLength(value, 'utf8') < MIN_SECRET_BYTES)
    return `must be at least ${MIN_SECRET_BYTES} bytes in production`;
  return undefined;
}

/** Every reason the secrets are unfit for production; empty when they are fit. */
export function productionSecretProblems(c: SecretConfig): SecretProblem[] {
  const problems: SecretProblem[] = [];
  const names = Object.keys(DEVELOPMENT_SECRETS) as SecretName[];
  for (const name of names) {
    const message =
      secretProblem(c[name]) ??
      (names.some((other) => other !== name && c[other] === c[name])
        ? 'must not be reused for another purpose'
        : undefined);
    if (message) problems.push({ variable: name, message });
  }
  problems.push(...keyListProblems(c));
  for (const name of ISSUERS)
    if (DEVELOPMENT_ISSUER.test(c[name]))
      problems.push({ variable: name, message: 'must not be a development issuer (-dev)' });
  return problems;
}

const developmentKeys = Object.entries(DEVELOPMENT_KEY_LISTS).flatMap(([name, spec]) =>
  parseKeyList(name, spec).map((k) => k.key),
);

/**
 * Each master key list must be set, well formed, free of the public development keys, and share
 * no key with the other list: the payload codec and the sealer guard different stores.
 */
function keyListProblems(c: SecretConfig): SecretProblem[] {
  const problems: SecretProblem[] = [];
  const lists = new Map<KeyListName, readonly NamedKey[]>();
  for (const name of ENCRYPTION_KEY_LISTS) {
    const spec = c[name];
    if (!spec) problems.push({ variable: name, message: 'must be set in production' });
    else {
      try {
        lists.set(name, parseKeyList(name, spec));
      } catch (error) {
        if (!(error instanceof KeyListConfigError)) throw error;
        problems.push({ variable: name, message: error.problem });
      }
    }
  }
  const holds = (list: readonly NamedKey[], keys: readonly Buffer[]) =>
    list.some(({ key }) => keys.some((other) => other.equals(key)));
  for (const [name, list] of lists) {
    const others = [...lists].filter(([other]) => other !== name).flatMap(([, l]) => l);
    if (holds(list, developmentKeys))
      problems.push({ variable: name, message: 'must not hold a development key in production' });
    else if (
      holds(
        list,
        others.map((k) => k.key),
      )
    )
      problems.push({ variable: name, message: 'must not share a key with another purpose' });
  }
  return problems;
}
