import { z } from 'zod';
import { limitSettings } from './limits';
import { externalIssuerOf, oidcProblems, oidcSettings } from './oidc';
import { productionSecretProblems, secretSettings } from './secrets';
import { temporalTlsProblems, temporalTlsSettings } from './temporal-tls';

/**
 * Every setting the processes read, validated once at start-up. Defaults are the embedded
 * development setup of DESIGN.md §2; a deployment overrides them through the environment.
 */
const port = z.coerce.number().int().min(0).max(65535);
const durationMs = z.coerce.number().int().positive();
const workerSlots = z.coerce.number().int().min(1).max(10_000).optional();

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    API_HOST: z.string().default('127.0.0.1'),
    API_PORT: port.default(3000),
    API_DOCS: z
      .enum(['on', 'off'])
      .optional()
      .describe('/docs and /docs-json; unset = on, or off when NODE_ENV=production'),
    METRICS_TOKEN: z
      .string()
      .min(32)
      .optional()
      .describe('bearer token /metrics requires; unset = open, or absent when NODE_ENV=production'),
    DATA_DIR: z.string().default('.data'),
    DATABASE_URL: z
      .url()
      .optional()
      .describe('PostgreSQL URL; unset = embedded PGlite under DATA_DIR'),
    MIGRATION_DATABASE_URL: z
      .url()
      .optional()
      .describe(
        "the owner's PostgreSQL URL migrations run with; unset = DATABASE_URL (no separation)",
      ),
    EMBEDDED_DB_PORT: port.default(54329),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().default('default'),
    TEMPORAL_TASK_QUEUE: z.string().default('enrolment'),
    TEMPORAL_UI_PORT: port.default(8233),
    TEMPORAL_UI_URL: z.url().optional(),
    TEMPORAL_CLI_PATH: z.string().optional(),
    ...temporalTlsSettings,
    TEMPORAL_MODE: z
      .enum(['dev', 'server'])
      .default('dev')
      .describe('what `npm start` runs: the CLI dev server, or Temporal server on PostgreSQL'),
    TEMPORAL_DATABASE_URL: z
      .url()
      .default('postgresql://postgres@127.0.0.1:5432/postgres')
      .describe("server mode: PostgreSQL where Temporal's own two databases are created"),
    TEMPORAL_DATABASE_NAME: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default('temporal')
      .describe('server mode: NAME and NAME_visibility'),
    DATA_SHARING_BASE_URL: z.url().default('http://127.0.0.1:4100'),
    DATA_SHARING_APP_KEY: z.string().min(1).default('gx-enrolment-dev'),
    DATA_SHARING_TIMEOUT_MS: durationMs.default(10_000),
    VERIFICATION_RETRY_BUDGET_MS: durationMs.default(6 * 60 * 60 * 1000),
    WORKER_LOG_LEVEL: z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']).default('WARN'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .optional()
      .describe('unset = info, or warn when NODE_ENV=test'),
    WORKER_METRICS_HOST: z.string().default('127.0.0.1'),
    WORKER_METRICS_PORT: port.default(9464).describe("a worker process's /metrics; 0 = none"),
    TEMPORAL_SDK_METRICS: z
      .enum(['on', 'off'])
      .default('on')
      .describe("the Temporal SDK's metrics appended to each worker process's /metrics"),
    WORKER_MAX_CONCURRENT_ACTIVITIES: workerSlots.describe('unset = SDK default (100)'),
    WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: workerSlots
      .refine((n) => n === undefined || n >= 2, 'at least 2 while workflows are cached')
      .describe('unset = SDK default (40)'),
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce
      .number()
      .int()
      .min(0)
      .optional()
      .describe('unset = SDK default (sized from the heap)'),
    WORKER_WORKFLOW_TASK_POLLERS: workerSlots.describe('unset = SDK default (≤ 10)'),
    WORKER_ACTIVITY_TASK_POLLERS: workerSlots.describe('unset = SDK default (≤ 10)'),
    REVIEW_SLA_MS: durationMs.default(2 * 24 * 60 * 60 * 1000),
    SUPPLEMENT_DEADLINE_MS: durationMs.default(3 * 24 * 60 * 60 * 1000),
    REGISTRATION_WITHOUT_WINDOW: z
      .enum(['accept', 'refuse'])
      .optional()
      .describe('a county without a registration window: unset = accept, or refuse in production'),
    ROUND_DELIVERY_BATCH: z.coerce.number().int().min(1).max(1000).default(200),
    SIMULATOR_PORT: port.default(4100),
    SIMULATOR_SEED: z.coerce.number().int().default(20260901),
    SIMULATOR_POPULATION: z.coerce.number().int().min(0).max(1_000_000).default(20_000),
    PLATFORM_CALLBACK_URL: z.url().optional().describe("unset = the simulator's receiver"),
    ...oidcSettings,
    ...limitSettings,
    ...secretSettings,
  })
  .superRefine((c, ctx) => {
    for (const { variable, message } of [...temporalTlsProblems(c), ...oidcProblems(c)])
      ctx.addIssue({ code: 'custom', path: [variable], message });
    if (c.MIGRATION_DATABASE_URL && !c.DATABASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['MIGRATION_DATABASE_URL'],
        message: "needs DATABASE_URL (the application's own role) beside it",
      });
    if (c.NODE_ENV !== 'production') return;
    for (const { variable, message } of productionSecretProblems(c))
      ctx.addIssue({ code: 'custom', path: [variable], message });
    // Notices name cases and statuses of children: never in clear text over the network.
    if (new URL(platformCallbackUrl(c)).protocol !== 'https:')
      ctx.addIssue({
        code: 'custom',
        path: ['PLATFORM_CALLBACK_URL'],
        message: 'must be an https URL in production',
      });
    if (!c.DATABASE_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'must be set in production',
      });
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = configSchema.safeParse(defined);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}

/** What a county with no registration window for a stage and season does with submissions. */
export function registrationWithoutWindow(config: Config): 'accept' | 'refuse' {
  return (
    config.REGISTRATION_WITHOUT_WINDOW ?? (config.NODE_ENV === 'production' ? 'refuse' : 'accept')
  );
}

export function temporalUiUrl(config: Config): string {
  return config.TEMPORAL_UI_URL ?? `http://127.0.0.1:${config.TEMPORAL_UI_PORT}`;
}

/** One run's page in Temporal's Web UI; `history` opens its event history. */
export function temporalRunUrl(
  config: Config,
  run: { readonly workflowId: string; readonly runId: string },
  page?: 'history',
): string {
  const namespace = encodeURIComponent(config.TEMPORAL_NAMESPACE);
  const url = `${temporalUiUrl(config)}/namespaces/${namespace}/workflows/${encodeURIComponent(run.workflowId)}/${run.runId}`;
  return page ? `${url}/${page}` : url;
}

/** This service's own tokens, and the staff identity provider's where one is configured. */
export function accessTokenSettings(config: Config) {
  const external = externalIssuerOf(config);
  return {
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    secret: config.AUTH_JWT_SECRET,
    ...(external ? { external } : {}),
  };
}

/** Family tokens are issued by the platform for this service. */
export function familyTokenSettings(config: Config) {
  return {
    issuer: config.PLATFORM_ISSUER,
    audience: config.AUTH_AUDIENCE,
    secret: config.PLATFORM_FAMILY_TOKEN_SECRET,
  };
}

export function platformCallbackUrl(
  config: Pick<Config, 'PLATFORM_CALLBACK_URL' | 'DATA_SHARING_BASE_URL'>,
): string {
  return (
    config.PLATFORM_CALLBACK_URL ??
    new URL('/platform/callbacks', config.DATA_SHARING_BASE_URL).toString()
  );
}
