import { BlockList, isIP } from 'node:net';
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
  RATE_LIMIT_PLATFORM_FACTOR: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .describe(
      "the platform's own limit = the class's limit × this, all the families it vouches for together",
    ),
  RATE_LIMIT_GATEWAY_ADDRESSES: z
    .string()
    .optional()
    .refine((list) => list === undefined || gatewayEntries(list).every((e) => e !== null), {
      message: 'comma-separated IP addresses or CIDR ranges (10.0.0.0/8, fd00::/8)',
    })
    .describe('addresses exempt from the per-address limit: the platform gateway (桂通办)'),
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
  ADMISSION_TARGET_LATENCY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .describe(
      'a submission slower than this lowers how many one API process takes at once (up to ADMISSION_MAX_IN_FLIGHT), one within it raises it; 0 = the bound stays fixed',
    ),
  ADMISSION_BACKLOG_REFRESH_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(1000)
    .describe('how long an API process reuses its count of the backlog'),
};

type LimitConfig = z.infer<z.ZodObject<typeof limitSettings>>;

export interface RateLimit {
  /** Requests one principal, or one family the platform vouches for, may make in a window. */
  readonly perPrincipal: number;
  /** Requests the platform may make in a window, for all its families and itself together. */
  readonly perPlatform: number;
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
      perPlatform: perPrincipal * config.RATE_LIMIT_PLATFORM_FACTOR,
      perAddress: perPrincipal * config.RATE_LIMIT_IP_FACTOR,
      windowMs: config.RATE_LIMIT_WINDOW_MS,
    };
  };
  return Object.fromEntries(RATE_CLASSES.map((c) => [c, limitOf(c)])) as Record<
    RateClass,
    RateLimit
  >;
}

type GatewayEntry = { address: string; family: 'ipv4' | 'ipv6'; prefix?: number };

/** The entries of a list of addresses and CIDR ranges; null for each one that is neither. */
function gatewayEntries(list: string): (GatewayEntry | null)[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [address = '', prefix, ...rest] = entry.split('/');
      const version = isIP(address);
      if (version === 0 || rest.length > 0) return null;
      const family = version === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) return { address, family };
      const bits = Number(prefix);
      const valid = /^\d{1,3}$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
      return valid ? { address, family, prefix: bits } : null;
    });
}

/**
 * Whether a client address is one of the platform gateway's (`RATE_LIMIT_GATEWAY_ADDRESSES`),
 * exempt from the per-address limit. An IPv4 entry also covers its IPv4-mapped IPv6 form.
 */
export function gatewayAddressesOf(
  config: Pick<LimitConfig, 'RATE_LIMIT_GATEWAY_ADDRESSES'>,
): (address: string | undefined) => boolean {
  const gateways = new BlockList();
  for (const entry of gatewayEntries(config.RATE_LIMIT_GATEWAY_ADDRESSES ?? '')) {
    if (!entry) throw new Error('RATE_LIMIT_GATEWAY_ADDRESSES was not validated');
    if (entry.prefix === undefined) gateways.addAddress(entry.address, entry.family);
    else gateways.addSubnet(entry.address, entry.prefix, entry.family);
  }
  return (address) => {
    if (address === undefined) return false;
    const version = isIP(address);
    return version !== 0 && gateways.check(address, version === 4 ? 'ipv4' : 'ipv6');
  };
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
    targetLatencyMs: config.ADMISSION_TARGET_LATENCY_MS || null,
    retryAfterSeconds: config.ADMISSION_RETRY_AFTER_SECONDS,
    refreshMs: config.ADMISSION_BACKLOG_REFRESH_MS,
  };
}

/** What one case may hold in uploaded documents. */
export function uploadQuotaOf(config: LimitConfig) {
  return { maxFiles: config.UPLOAD_MAX_FILES_PER_CASE, maxBytes: config.UPLOAD_MAX_BYTES_PER_CASE };
}
