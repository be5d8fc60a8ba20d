/**
 * How many submissions one API process takes at once, steered by how long they take: each one
 * that finished within the target lets the limit grow by 1/limit (one more a round of
 * submissions), each one slower than the target cuts it by a tenth, between 1 and the ceiling
 * (additive increase, multiplicative decrease, as TCP steers its window by loss).
 *
 * Why: past the point where the cores are busy, more submissions at once only queue inside the
 * API, the engine and PostgreSQL, each waiting longer, while no more finish a second (Little's
 * law). The fixed ceiling (ADMISSION_MAX_IN_FLIGHT) had to be set by hand to what one machine
 * sustains on one day; this finds that point and follows it as the engine slows under a
 * growing backlog or speeds up again, and the rest are refused at once with Retry-After.
 */
export class LatencyLimit {
  private limit: number;

  constructor(private readonly settings: LatencyLimitSettings) {
    this.limit = settings.ceiling;
  }

  /** The submissions this process may work on at once now. */
  get current(): number {
    return Math.floor(this.limit);
  }

  /** A submission took `elapsedMs`, from being taken to its answer. */
  finished(elapsedMs: number): void {
    const { ceiling, targetMs } = this.settings;
    if (targetMs === null) return;
    this.limit =
      elapsedMs > targetMs
        ? Math.max(1, this.limit * CUT)
        : Math.min(ceiling, this.limit + 1 / this.limit);
  }
}

export interface LatencyLimitSettings {
  /** The most it may ever allow (ADMISSION_MAX_IN_FLIGHT), and where it starts. */
  readonly ceiling: number;
  /**
   * A submission slower than this is a sign of queueing (ADMISSION_TARGET_LATENCY_MS); null: the
   * limit stays at the ceiling.
   */
  readonly targetMs: number | null;
}

/** What one slow submission leaves of the limit. */
const CUT = 0.9;
