import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Visibility page tokens handed to operators are sealed to the query they continue: a token from
 * another scope or filter, or a tampered one, is refused here instead of reaching Temporal.
 */
export function sealPageToken(secret: string, query: string, token: Uint8Array): string {
  const body = Buffer.from(token).toString('base64url');
  return `${body}.${mac(secret, query, body)}`;
}

export function openPageToken(secret: string, query: string, sealed: string): Uint8Array | null {
  const [body, tag, ...rest] = sealed.split('.');
  if (!body || !tag || rest.length) return null;
  const expected = Buffer.from(mac(secret, query, body));
  const given = Buffer.from(tag);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(body, 'base64url');
}

function mac(secret: string, query: string, body: string): string {
  return createHmac('sha256', secret)
    .update(`ops-page-token\n${query}\n${body}`)
    .digest('base64url')
    .slice(0, 22);
}
