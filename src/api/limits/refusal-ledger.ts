/**
 * Which rate-limit refusals get an audit row: the first of each key (a throttler, a route class,
 * an address or principal) in each window, carrying how many of that key's refusals went
 * unwritten before it. A flood of refused requests is what the limits stop; a row for each
 * refusal (an insert the hash chain serialises) would carry the flood through to the database.
 */
export class RefusalLedger {
  private readonly open = new Map<string, { until: number; unrecorded: number }>();
  private sweepAt = 0;

  /** A row to write, with the refusals of the key left unwritten since its last row; or null. */
  refuse(key: string, windowMs: number, now: number): { unrecordedBefore: number } | null {
    this.sweep(now, windowMs);
    const entry = this.open.get(key);
    if (entry && entry.until > now) {
      entry.unrecorded += 1;
      return null;
    }
    this.open.set(key, { until: now + windowMs, unrecorded: 0 });
    return { unrecordedBefore: entry?.unrecorded ?? 0 };
  }

  /** Keys remembered (for the test of forgetting). */
  get size(): number {
    return this.open.size;
  }

  /**
   * Once a window, forgets the keys whose window has closed and that left nothing unwritten (the
   * throttler's own storage holds a record per key in the same way).
   */
  private sweep(now: number, windowMs: number): void {
    if (now < this.sweepAt) return;
    this.sweepAt = now + windowMs;
    for (const [key, entry] of this.open)
      if (entry.until <= now && entry.unrecorded === 0) this.open.delete(key);
  }
}
