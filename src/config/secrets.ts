import { z } from 'zod';

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
  for (const name of ENCRYPTION_KEY_LISTS)
    if (!c[name]) problems.push({ variable: name, message: 'must be set in production' });
  for (const name of ISSUERS)
    if (DEVELOPMENT_ISSUER.test(c[name]))
      problems.push({ variable: name, message: 'must not be a development issuer (-dev)' });
  return problems;
}
