import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration } from '../../observability/metrics';
import { routeOf } from './route';

/** Times every request, including those answered before routing (labelled UNMATCHED). */
export function recordHttpMetrics(req: Request, res: Response, next: NextFunction): void {
  const stop = httpRequestDuration.startTimer();
  res.once('finish', () => {
    stop({ method: req.method, route: routeOf(req) ?? 'UNMATCHED', status_code: res.statusCode });
  });
  next();
}
