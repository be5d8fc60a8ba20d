import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config/config';
import { UnauthenticatedError } from '../domain/errors';
import { problem, sendProblem } from './problem/problem';

type ExposureConfig = Pick<Config, 'NODE_ENV' | 'API_DOCS' | 'METRICS_TOKEN'>;

/** /docs and /docs-json describe every endpoint: served unless off, and off by default in production. */
export function docsEnabled(config: ExposureConfig): boolean {
  return (config.API_DOCS ?? (config.NODE_ENV === 'production' ? 'off' : 'on')) === 'on';
}

function sameToken(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, so the comparison's time says nothing about the token.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Guards /metrics: with METRICS_TOKEN set the scraper must send it as a bearer token; without one
 * the endpoint is open inside a development setup and absent in production.
 */
export function metricsAccess(config: ExposureConfig) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const token = config.METRICS_TOKEN;
    if (!token) {
      if (config.NODE_ENV !== 'production') return next();
      return sendProblem(res, problem(404, 'NOT_FOUND', 'No such resource.', '请求的资源不存在。'));
    }
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (match && sameToken(match[1]!, token)) return next();
    const refused = new UnauthenticatedError();
    sendProblem(res, problem(401, refused.code, refused.message, refused.messageZh));
  };
}
