import { Inject, Injectable } from '@nestjs/common';
import { admissionOf } from '../../config/limits';
import type { Config } from '../../config/config';
import type { IntakeRepository } from '../../db/intake-repository';
import { AtCapacityError } from '../../domain/limit-errors';
import { admissionLimit } from '../../observability/metrics';
import { API_CONFIG, INTAKE } from '../injection-tokens';
import { LatencyLimit } from './latency-limit';

/**
 * Admission control (issue 18): a submission is refused with 429 and Retry-After, before anything
 * is written, while this process already works on as many submissions as it may (a queue behind
 * a slow engine would otherwise end in client time-outs), or while more cases wait for
 * verification than the bound. How many at once may be fixed, or steered by how long they take
 * (LatencyLimit, with ADMISSION_TARGET_LATENCY_MS). The backlog is read from the
 * read model (shared by every API replica and every worker, so one bound holds for the
 * deployment), counted at most once per refresh interval per process and shared by the requests
 * that arrive meanwhile: a peak costs one count a second, not one a submission.
 */
@Injectable()
export class AdmissionControl {
  private readonly settings: ReturnType<typeof admissionOf>;
  private counted: { readonly at: number; readonly backlog: Promise<number> } | null = null;
  private inFlight = 0;
  /** The bound on submissions at once, fixed or steered by their latency; null: none. */
  private readonly limit: LatencyLimit | null;

  constructor(
    @Inject(INTAKE) private readonly intake: IntakeRepository,
    @Inject(API_CONFIG) config: Config,
  ) {
    this.settings = admissionOf(config);
    const { maxInFlight: ceiling, targetLatencyMs: targetMs } = this.settings;
    this.limit = ceiling === null ? null : new LatencyLimit({ ceiling, targetMs });
    if (this.limit) admissionLimit.set(this.limit.current);
  }

  /** Runs one submission if this process has room for it; refused at once otherwise. */
  async taking<T>(submission: () => Promise<T>): Promise<T> {
    const { limit } = this;
    if (limit && this.inFlight >= limit.current)
      throw new AtCapacityError(this.settings.retryAfterSeconds, 'SUBMISSIONS_IN_FLIGHT');
    this.inFlight += 1;
    const taken = performance.now();
    try {
      return await submission();
    } finally {
      this.inFlight -= 1;
      if (limit) {
        limit.finished(performance.now() - taken);
        admissionLimit.set(limit.current);
      }
    }
  }

  /** Refuses a new case while the verification backlog is at its bound. */
  async admit(): Promise<void> {
    const { maxBacklog, retryAfterSeconds } = this.settings;
    if (maxBacklog !== null && (await this.backlog()) >= maxBacklog)
      throw new AtCapacityError(retryAfterSeconds);
  }

  private backlog(): Promise<number> {
    const now = Date.now();
    if (!this.counted || now - this.counted.at >= this.settings.refreshMs) {
      const backlog = this.intake.verificationBacklog();
      // A failed count is not kept: the next submission counts again.
      backlog.catch(() => (this.counted = null));
      this.counted = { at: now, backlog };
    }
    return this.counted.backlog;
  }
}
