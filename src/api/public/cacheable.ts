import { createHash } from 'node:crypto';
import type { Response } from 'express';

/** How long a browser or proxy may reuse public information before it asks again (If-None-Match). */
const MAX_AGE_SECONDS = 300;

/**
 * Marks a public answer cacheable: a strong ETag of its JSON and Cache-Control. Express answers
 * 304 with no body when the request's If-None-Match names this ETag (`res.send`'s freshness
 * check), so a client revalidating unchanged information downloads nothing.
 */
export function cacheable<T>(response: Response, body: T): T {
  const digest = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
  response.setHeader('ETag', `"${digest}"`);
  response.setHeader('Cache-Control', `public, max-age=${MAX_AGE_SECONDS}`);
  return body;
}
