import type { Request } from 'express';

/**
 * The route template a request matched (`/applications/:applicationNo`), never the raw path, so
 * that neither metric labels nor log fields multiply per case or carry what a caller typed.
 * Requests answered before routing (bad bodies) or by no route (unknown paths) have none. A
 * wildcard is no API route: it is where Nest mounts module middleware (nestjs-pino's request
 * context on `{/*splat}`), which is all an unknown path ever matches.
 */
export function routeOf(req: Request): string | undefined {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' && !path.includes('*') ? `${req.baseUrl}${path}` : undefined;
}
