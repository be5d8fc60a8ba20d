import { z } from 'zod';
import { mulberry32 } from './prng';

/**
 * Fault injection per endpoint, switchable at run time through the simulator's admin API, so
 * tests and demos can make a department slow, flaky, down or garbled on demand.
 */
export const faultSettingsSchema = z.strictObject({
  /** Fixed latency added to every call. */
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  /** Extra uniformly-distributed latency on top of latencyMs. */
  jitterMs: z.number().int().min(0).max(120_000).default(0),
  /** Share of calls answered with HTTP 503. */
  errorRate: z.number().min(0).max(1).default(0),
  /** Share of calls never answered (the client times out). */
  timeoutRate: z.number().min(0).max(1).default(0),
  /** Share of calls answered 200 with a body that is not the documented shape. */
  malformedRate: z.number().min(0).max(1).default(0),
  /** While set and in the future, every call gets 503. */
  outageUntil: z.iso.datetime().nullable().default(null),
});
export type FaultSettings = z.infer<typeof faultSettingsSchema>;
/** What a caller states; everything left out is fault-free. */
export type FaultRequest = z.input<typeof faultSettingsSchema>;

export type FaultDecision =
  | { kind: 'ANSWER'; delayMs: number }
  | { kind: 'ERROR'; delayMs: number }
  | { kind: 'HANG' }
  | { kind: 'MALFORMED'; delayMs: number };

export class FaultInjector {
  private readonly settings = new Map<string, FaultSettings>();
  private readonly rand: () => number;

  constructor(seed = 1) {
    this.rand = mulberry32(seed);
  }

  set(endpoint: string, settings: FaultRequest): void {
    this.settings.set(endpoint, faultSettingsSchema.parse(settings));
  }

  clear(endpoint?: string): void {
    if (endpoint === undefined) this.settings.clear();
    else this.settings.delete(endpoint);
  }

  get(endpoint: string): FaultSettings | undefined {
    return this.settings.get(endpoint);
  }

  all(): Record<string, FaultSettings> {
    return Object.fromEntries(this.settings);
  }

  decide(endpoint: string, now: Date): FaultDecision {
    const s = this.settings.get(endpoint);
    if (!s) return { kind: 'ANSWER', delayMs: 0 };
    const delayMs = s.latencyMs + Math.floor(this.rand() * s.jitterMs);
    if (s.outageUntil && Date.parse(s.outageUntil) > now.getTime())
      return { kind: 'ERROR', delayMs };
    const roll = this.rand();
    if (roll < s.timeoutRate) return { kind: 'HANG' };
    if (roll < s.timeoutRate + s.errorRate) return { kind: 'ERROR', delayMs };
    if (roll < s.timeoutRate + s.errorRate + s.malformedRate) return { kind: 'MALFORMED', delayMs };
    return { kind: 'ANSWER', delayMs };
  }
}
