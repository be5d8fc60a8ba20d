import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/config';

/** Whether a scrape of /metrics is served, the endpoint is absent, or the token is missing. */
export type ScrapeAccess = 'SERVE' | 'ABSENT' | 'UNAUTHENTICATED';

function sameToken(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison's time says nothing about the token.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Who may read /metrics, the API's and a worker's alike: with METRICS_TOKEN set, a scraper sending
 * it as a bearer token; without one, anyone inside a development setup and nobody in production
 * (the endpoint is absent there). Metrics name counties, schools and failing departments.
 */
export function scrapeAccess(
  config: Pick<Config, 'NODE_ENV' | 'METRICS_TOKEN'>,
  authorization: string | undefined,
): ScrapeAccess {
  const token = config.METRICS_TOKEN;
  if (!token) return config.NODE_ENV === 'production' ? 'ABSENT' : 'SERVE';
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  return bearer !== undefined && sameToken(bearer, token) ? 'SERVE' : 'UNAUTHENTICATED';
}
