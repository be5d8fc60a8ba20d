import { createHash } from 'node:crypto';

/*
 * The one-time claim code on an offline case's receipt (issue 14): the family types it in to take
 * the case into its account. 16 characters of Crockford's base32 are 80 bits, far beyond guessing
 * at a few attempts an hour; the service keeps only the code's SHA-256, so a copy of the database
 * cannot claim anything. Who may use it is decided here too: a live code, by a guardian the form
 * names (a code that reached someone else is worth nothing to them).
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Random bytes a code is made of: 10 bytes = 80 bits = 16 base32 characters. */
export const CLAIM_CODE_BYTES = 10;
const CODE_LENGTH = 16;

/** A code from random bytes, in groups of four for reading aloud: `7K3Q-M9XD-2B4F-H8TZ`. */
export function formatClaimCode(random: Uint8Array): string {
  if (random.length !== CLAIM_CODE_BYTES)
    throw new Error(`a claim code takes ${CLAIM_CODE_BYTES} bytes`);
  let bits = 0n;
  for (const byte of random) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = CODE_LENGTH - 1; i >= 0; i -= 1)
    code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return code.match(/.{4}/g)!.join('-');
}

/**
 * The code as typed, in its one canonical form, or null when it cannot be a code. Case, spaces
 * and dashes do not matter, and the letters people confuse with digits read as those digits.
 */
export function normaliseClaimCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== CODE_LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return code;
}

/** What is stored of a code: the SHA-256 of its canonical form. */
export function claimCodeHash(normalised: string): string {
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}

/** A stored code, as the claim rule reads it. */
export interface IssuedClaimCode {
  readonly guardianKeys: readonly string[];
  readonly expiresAt: Date;
  readonly claimedAt: Date | null;
}

export type ClaimRefusal = 'UNKNOWN' | 'USED' | 'EXPIRED' | 'NOT_THE_GUARDIAN';

/**
 * Why a claim is refused, or null when it may go ahead: the code must exist, be unused and
 * unexpired, and the claimant be a guardian the case's form names (the platform's real-name key).
 */
export function claimRefusal(
  code: IssuedClaimCode | null,
  guardianKey: string | undefined,
  now: Date,
): ClaimRefusal | null {
  if (!code) return 'UNKNOWN';
  if (code.claimedAt) return 'USED';
  if (code.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  if (!guardianKey || !code.guardianKeys.includes(guardianKey)) return 'NOT_THE_GUARDIAN';
  return null;
}
