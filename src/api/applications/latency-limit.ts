/**
 * How many submissions one API process takes at once, steered by how long they take, as TCP
 * steers its window by loss: it starts at one and grows by one with each submission that finishes
 * within the target (doubling a round) until the first slower one; from then on each slow one cuts
 * it by a fifth and each one within the target lets it grow by a tenth of one a round of
 * submissions. At rest about 1/(2·L²) of the submissions run slower than the target at a limit
 * of L (2 % at 5), so the target sits near the 98th percentile of their latency. Between 1 and
 * the ceiling; without a target the limit is the ceiling.
 *
 * Why: past the point where the cores are busy, more submissions at once only queue inside the
 * API, the engine and PostgreSQL, each waiting longer, while no more finish a second (Little's
 * law). The fixed ceiling (ADMISSION_MAX_IN_FLIGHT) has to be set by hand to what one machine
 * sustains on one day; this finds that point and follows it as the engine slows under a
 * growing backlog or speeds up again, and the rest are refused at once with Retry-After.
 */
export class LatencyLimit {
  private limit: number;
  /** Before the first slow submission: growing fast to find the machine's level. */
  private probing = true;

  constructor(private readonly settings: LatencyLimitSettings) {
    this.limit = settings.targetMs === null ? settings.ceiling : 1;
  }

  /** The submissions this process may work on at once now. */
  get current(): number {
    return Math.floor(this.limit);
  }

  /** A submission took `elapsedMs`, from being taken to its answer. */
  finished(elapsedMs: number): void {
    const { ceiling, targetMs } = this.settings;
    if (targetMs === null) return;
    if (elapsedMs > targetMs) {
      this.probing = false;
      this.limit = Math.max(1, this.limit * CUT);
    } else {
      this.limit = Math.min(ceiling, this.limit + (this.probing ? 1 : GROWTH / this.limit));
    }
  }
}

export interface LatencyLimitSettings {
  /** The most it may ever allow (ADMISSION_MAX_IN_FLIGHT). */
  readonly ceiling: number;
  /**
   * A submission slower than this is a sign of queueing (ADMISSION_TARGET_LATENCY_MS); null: the
   * limit stays at the ceiling.
   */
  readonly targetMs: number | null;
}

/** What one slow submission leaves of the limit. */
const CUT = 0.8;
/** What a round of submissions within the target adds to it once it has found its level. */
const GROWTH = 0.1;
