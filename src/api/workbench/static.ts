import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { HelmetOptions } from 'helmet';
import { projectRoot } from '../../config/paths';

/** Where `npm run build` puts the workbench (web/, built by Vite). */
export const workbenchDir = (): string => join(projectRoot(), 'web', 'dist');

/**
 * helmet's defaults, plus what the workbench needs: documents a reviewer opens are fetched with
 * the bearer token and shown from blob: URLs (an image, or a PDF in a frame), never by a URL that
 * carries the token.
 */
export const helmetOptions: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      'img-src': ["'self'", 'data:', 'blob:'],
      'frame-src': ["'self'", 'blob:'],
    },
  },
};

/**
 * Serves the built workbench: its assets under /web, and its single page for every path under
 * /console (staff) and /m (families), which the page routes itself. Without a build (tests of the
 * API alone) nothing is served and those paths stay 404.
 */
export function serveWorkbench(app: NestExpressApplication): boolean {
  const dir = workbenchDir();
  const page = join(dir, 'index.html');
  if (!existsSync(page)) return false;
  app.use('/web', express.static(dir, { index: false, maxAge: '1h' }));
  app.use(['/console', '/m'], (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(page);
  });
  return true;
}
