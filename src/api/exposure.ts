import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../config/config';
import { UnauthenticatedError } from '../domain/errors';
import { scrapeAccess } from '../observability/scrape-access';
import { problem, sendProblem } from './problem/problem';

type ExposureConfig = Pick<Config, 'NODE_ENV' | 'API_DOCS' | 'METRICS_TOKEN'>;

/** /docs and /docs-json describe every endpoint: served unless off, and off by default in production. */
export function docsEnabled(config: ExposureConfig): boolean {
  return (config.API_DOCS ?? (config.NODE_ENV === 'production' ? 'off' : 'on')) === 'on';
}

/** Guards /metrics by the one rule of every process's metrics (observability/scrape-access.ts). */
export function metricsAccess(config: ExposureConfig) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const access = scrapeAccess(config, req.headers.authorization);
    if (access === 'SERVE') return next();
    if (access === 'ABSENT')
      return sendProblem(res, problem(404, 'NOT_FOUND', 'No such resource.', '请求的资源不存在。'));
    const refused = new UnauthenticatedError();
    sendProblem(res, problem(401, refused.code, refused.message, refused.messageZh));
  };
}
