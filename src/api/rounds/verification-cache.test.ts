import { applicantListHash, seedCommitment } from '../../domain/allocation/lottery';
import type { PublishedRound } from '../../domain/allocation/verify';
import { VerificationCache } from './verification-cache';

const SEED = 'ab'.repeat(32);
const emptyRound: PublishedRound = {
  seed: SEED,
  seedCommitment: seedCommitment(SEED),
  applicantListHash: applicantListHash([]),
  mechanism: 'DEFERRED_ACCEPTANCE',
  schools: [],
  applicants: [],
  results: [],
};

describe('round verifications by version', () => {
  it('computes a version once, then answers from the cache', async () => {
    const cache = new VerificationCache();
    const first = await cache.verify(emptyRound);
    const again = await cache.verify({ ...emptyRound });
    expect(first).toEqual({ verification: { verdict: 'MATCH', differences: [] }, cached: false });
    expect(again).toEqual({ ...first, cached: true });
  });

  it('recomputes a changed round (a new version), and finds what changed', async () => {
    const cache = new VerificationCache();
    await cache.verify(emptyRound);
    const tampered = await cache.verify({ ...emptyRound, seedCommitment: '0'.repeat(64) });
    expect(tampered.cached).toBe(false);
    expect(tampered.verification.verdict).toBe('MISMATCH');
  });

  it('keeps only the most recent versions', async () => {
    const cache = new VerificationCache(2);
    const versions = ['1', '2', '3'].map((c) => ({ ...emptyRound, seedCommitment: c.repeat(64) }));
    for (const v of versions) await cache.verify(v);
    expect((await cache.verify(versions[2]!)).cached).toBe(true);
    expect((await cache.verify(versions[0]!)).cached).toBe(false);
  });
});
