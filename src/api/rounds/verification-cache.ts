import { createHash } from 'node:crypto';
import {
  verifyRound,
  type PublishedRound,
  type Verification,
} from '../../domain/allocation/verify';

/**
 * Round verifications by the version of the round: the digest of everything verification reads
 * (seed, commitment, list hash, schools, applicants, published results). Asking again about an
 * unchanged round answers from here without recomputing the allocation; any change to what was
 * published, a tampered result included, is a new version and is recomputed. Callers asking at
 * once share one computation. The few most recent versions are kept.
 */
export class VerificationCache {
  private readonly entries = new Map<string, Promise<Verification>>();

  constructor(private readonly capacity = 16) {}

  async verify(round: PublishedRound): Promise<{ verification: Verification; cached: boolean }> {
    const version = createHash('sha256').update(JSON.stringify(round)).digest('hex');
    const known = this.entries.get(version);
    if (known) {
      this.entries.delete(version);
      this.entries.set(version, known);
      return { verification: await known, cached: true };
    }
    const computing = Promise.resolve().then(() => verifyRound(round));
    this.entries.set(version, computing);
    computing.catch(() => this.entries.delete(version));
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
    return { verification: await computing, cached: false };
  }
}
