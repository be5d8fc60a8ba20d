import { z } from 'zod';

/**
 * Limits that keep one account (or one address) from exhausting the service: request rates per
 * route class, the documents a case may hold, the appointments a family may hold. The defaults
 * are far above what a family does (a form, a few reads a minute); a deployment tightens them.
 */
const perWindow = z.coerce.number().int().min(1);

export const RATE_CLASSES = ['submit', 'read', 'upload', 'ops', 'public'] as const;
export type RateClass = (typeof RATE_CLASSES)[number];

export const limitSettings = {
  RATE_LIMITS: z.enum(['on', 'off']).default('on').describe('request rate limits (429)'),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  RATE_LIMIT_SUBMIT: perWindow.default(300).describe('submissions and other writes a window'),
  RATE_LIMIT_READ: perWindow.default(1200).describe('reads a window'),
  RATE_LIMIT_UPLOAD: perWindow.default(60).describe('document uploads a window'),
  RATE_LIMIT_OPS: perWindow.default(600).describe('operations console, codec, round checks'),
  RATE_LIMIT_PUBLIC: perWindow
    .default(600)
    .describe('public information reads a window, per address × RATE_LIMIT_IP_FACTOR (no token)'),
  RATE_LIMIT_IP_FACTOR: z.coerce
    .number()
    .int()
    .min(1)
    .default(10)
    .describe("an address's limit = the class's limit × this (a gateway fronts many families)"),
  UPLOAD_MAX_FILES_PER_CASE: z.coerce.number().int().min(1).default(20),
  UPLOAD_MAX_BYTES_PER_CASE: z.coerce
    .number()
    .int()
    .min(1)
    .default(50 * 1024 * 1024),
  APPOINTMENT_MAX_LIVE_BOOKINGS: z.coerce.number().int().min(1).default(3),
  CLAIM_CODE_TTL_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(14)
    .describe("how long an offline receipt's claim code works"),
  CLAIM_MAX_FAILURES: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe('wrong claim codes one account may try in a window'),
  CLAIM_FAILURE_WINDOW_MS: z.coerce.number().int().min(1000).default(3_600_000),
  ADMISSION_MAX_BACKLOG: z.coerce
    .number()
    .int()
    .min(0)
    .default(20_000)
    .describe(
      'cases waiting for verification (SUBMITTED, VERIFYING) beyond which submissions get 429; 0 = no bound',
    ),
  ADMISSION_MAX_IN_FLIGHT: z.coerce
    .number()
    .int()
    .min(0)
    .default(64)
    .describe(
      'submissions one API process works on at once beyond which the next gets 429 at once; 0 = no bound',
    ),
  ADMISSION_RETRY_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(30)
    .describe('Retry-After of a submission refused at capacity'),
  ADMISSION_BACKLOG_REFRESH_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(1000)
    .describe('how long an API process reuses its count of the backlog'),
};

type LimitConfig = z.infer<z.ZodObject<typeof limitSettings>>;

export interface RateLimit {
  /** Requests one principal may make in a window. */
  readonly perPrincipal: number;
  /** Requests one address may make in a window, whoever signs them. */
  readonly perAddress: number;
  readonly windowMs: number;
}

const VARIABLE_OF: Record<RateClass, keyof LimitConfig> = {
  submit: 'RATE_LIMIT_SUBMIT',
  read: 'RATE_LIMIT_READ',
  upload: 'RATE_LIMIT_UPLOAD',
  ops: 'RATE_LIMIT_OPS',
  public: 'RATE_LIMIT_PUBLIC',
};

/** The rate limit of each route class; null when limits are off. */
export function rateLimitsOf(config: LimitConfig): Record<RateClass, RateLimit> | null {
  if (config.RATE_LIMITS === 'off') return null;
  const limitOf = (c: RateClass): RateLimit => {
    const perPrincipal = config[VARIABLE_OF[c]] as number;
    return {
      perPrincipal,
      perAddress: perPrincipal * config.RATE_LIMIT_IP_FACTOR,
      windowMs: config.RATE_LIMIT_WINDOW_MS,
    };
  };
  return Object.fromEntries(RATE_CLASSES.map((c) => [c, limitOf(c)])) as Record<
    RateClass,
    RateLimit
  >;
}

/** How long a claim code lives and how many wrong ones an account may try (issue 14). */
export function claimLimitsOf(config: LimitConfig) {
  return {
    ttlMs: config.CLAIM_CODE_TTL_DAYS * 86_400_000,
    maxFailures: config.CLAIM_MAX_FAILURES,
    windowMs: config.CLAIM_FAILURE_WINDOW_MS,
  };
}

/**
 * Admission control (issue 18): the verification backlog's bound and the submissions one process
 * works on at once; null where there is none.
 */
export function admissionOf(config: LimitConfig) {
  return {
    maxBacklog: config.ADMISSION_MAX_BACKLOG || null,
    maxInFlight: config.ADMISSION_MAX_IN_FLIGHT || null,
    retryAfterSeconds: config.ADMISSION_RETRY_AFTER_SECONDS,
    refreshMs: config.ADMISSION_BACKLOG_REFRESH_MS,
  };
}

/** What one case may hold in uploaded documents. */
export function uploadQuotaOf(config: LimitConfig) {
  return { maxFiles: config.UPLOAD_MAX_FILES_PER_CASE, maxBytes: config.UPLOAD_MAX_BYTES_PER_CASE };
}
