import { createHash, hash } from 'node:crypto';

/**
 * The verifiable lottery (DESIGN.md §5). Before the draw a round publishes sha256(seed); after it,
 * the seed. Each applicant's lottery number is sha256(seed | applicant id): anyone holding the
 * seed and the published applicant list recomputes every number, and no one could choose them.
 */
export const LOTTERY_ALGORITHM = 'gx-lottery-sha256-v1';

export function seedCommitment(seed: string): string {
  return createHash('sha256').update(seed, 'utf8').digest('hex');
}

/** 64 hex characters; smaller draws first. */
export function lotteryNumber(seed: string, applicantId: string): string {
  return hash('sha256', `${seed}|${applicantId}`, 'hex');
}

/** A hash of the frozen applicant list, published with the results. */
export function applicantListHash(applicantIds: readonly string[]): string {
  return createHash('sha256')
    .update([...applicantIds].sort().join('\n'), 'utf8')
    .digest('hex');
}
