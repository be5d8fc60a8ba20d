import type { NextFunction, Request, Response } from 'express';

/**
 * Every answer is private unless it says otherwise: most carry a child's or a guardian's personal
 * data, which no browser cache, proxy or shared computer at a registration point may keep. Public
 * information (public/cacheable.ts) and the workbench's files set their own caching over this.
 */
export function noStoreByDefault(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
