import fc from 'fast-check';
import { claimCodeHash, claimRefusal, formatClaimCode, normaliseClaimCode } from './claim-code';

describe('claim codes', () => {
  const bytes = fc.uint8Array({ minLength: 10, maxLength: 10 });

  it('formats 10 random bytes as four groups of four and reads back whatever the case and spacing', () => {
    fc.assert(
      fc.property(bytes, (random) => {
        const code = formatClaimCode(random);
        expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
        const canonical = code.replace(/-/g, '');
        expect(normaliseClaimCode(code)).toBe(canonical);
        expect(normaliseClaimCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(canonical);
      }),
    );
  });

  it('gives different bytes different codes (no two byte strings share one)', () => {
    fc.assert(
      fc.property(bytes, bytes, (a, b) => {
        fc.pre(Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0);
        expect(formatClaimCode(a)).not.toBe(formatClaimCode(b));
      }),
    );
  });

  it('reads O as 0 and I or L as 1, and refuses what cannot be a code', () => {
    expect(normaliseClaimCode('OOOO-IIII-LLLL-0000')).toBe('0000111111110000');
    expect(normaliseClaimCode('0000-1111-1111-000')).toBeNull();
    expect(normaliseClaimCode('0000-1111-1111-000U')).toBeNull();
    expect(normaliseClaimCode('')).toBeNull();
  });

  it('stores a hash that does not contain the code', () => {
    const hash = claimCodeHash('0000111111110000');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('0000111111110000');
  });

  describe('who may claim', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const live = {
      guardianKeys: ['mother', 'father'],
      expiresAt: new Date('2026-06-02T00:00:00Z'),
      claimedAt: null,
    };
    it('lets a guardian the form names claim a live code', () => {
      expect(claimRefusal(live, 'father', now)).toBeNull();
    });
    it('refuses an unknown, used or expired code, and anyone the form does not name', () => {
      expect(claimRefusal(null, 'father', now)).toBe('UNKNOWN');
      expect(claimRefusal({ ...live, claimedAt: now }, 'father', now)).toBe('USED');
      expect(claimRefusal({ ...live, expiresAt: now }, 'father', now)).toBe('EXPIRED');
      expect(claimRefusal(live, 'stranger', now)).toBe('NOT_THE_GUARDIAN');
      expect(claimRefusal(live, undefined, now)).toBe('NOT_THE_GUARDIAN');
    });
  });
});
