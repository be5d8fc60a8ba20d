import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Request signing as the regional data-sharing exchange requires of its callers: an app key, a
 * timestamp and nonce, and an HMAC-SHA256 over method, path, timestamp, nonce and body hash.
 * The simulator verifies exactly what the client signs.
 */
export const SIGNATURE_HEADERS = {
  appKey: 'x-app-key',
  timestamp: 'x-timestamp',
  nonce: 'x-nonce',
  signature: 'x-signature',
} as const;

/** Requests older or newer than this are stale and refused, which bounds replay. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface SignedRequestParts {
  readonly method: string;
  readonly path: string;
  readonly timestamp: string;
  readonly nonce: string;
  readonly body: string;
}

export function signatureOf(secret: string, parts: SignedRequestParts): string {
  const bodyHash = createHash('sha256').update(parts.body, 'utf8').digest('hex');
  const canonical = [
    parts.method.toUpperCase(),
    parts.path,
    parts.timestamp,
    parts.nonce,
    bodyHash,
  ].join('\n');
  return createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');
}

export function signaturesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
