import { Inject, Injectable } from '@nestjs/common';
import { admissionOf } from '../../config/limits';
import type { Config } from '../../config/config';
import type { IntakeRepository } from '../../db/intake-repository';
import { AtCapacityError } from '../../domain/limit-errors';
import { API_CONFIG, INTAKE } from '../injection-tokens';

/**
 * Admission control (issue 18): a submission is refused with 429 and Retry-After, before anything
 * is written, while more cases wait for verification than the bound. The backlog is read from the
 * read model (shared by every API replica and every worker, so one bound holds for the
 * deployment), counted at most once per refresh interval per process and shared by the requests
 * that arrive meanwhile: a peak costs one count a second, not one a submission.
 */
@Injectable()
export class AdmissionControl {
  private readonly settings: ReturnType<typeof admissionOf>;
  private counted: { readonly at: number; readonly backlog: Promise<number> } | null = null;

  constructor(
    @Inject(INTAKE) private readonly intake: IntakeRepository,
    @Inject(API_CONFIG) config: Config,
  ) {
    this.settings = admissionOf(config);
  }

  async admit(): Promise<void> {
    if (!this.settings) return;
    if ((await this.backlog()) >= this.settings.maxBacklog)
      throw new AtCapacityError(this.settings.retryAfterSeconds);
  }

  private backlog(): Promise<number> {
    const now = Date.now();
    if (!this.counted || now - this.counted.at >= this.settings!.refreshMs) {
      const backlog = this.intake.verificationBacklog();
      // A failed count is not kept: the next submission counts again.
      backlog.catch(() => (this.counted = null));
      this.counted = { at: now, backlog };
    }
    return this.counted.backlog;
  }
}
