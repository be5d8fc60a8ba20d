import type { NextFunction, Request, Response } from 'express';

/**
 * CORS for the codec server, for the configured Temporal Web UI origin only: the browser of an
 * operator on that UI may call it with their token; a page from any other origin gets no CORS
 * headers, so the browser refuses to hand it the decrypted payloads. Preflights are answered here,
 * before authentication, as browsers send them without credentials.
 */
export function codecCors(uiUrl: string) {
  const allowed = new URL(uiUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    res.vary('Origin');
    if (req.headers.origin === allowed) {
      res.setHeader('Access-Control-Allow-Origin', allowed);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader(
        'Access-Control-Allow-Headers',
        'Authorization, Content-Type, X-Namespace, X-Request-Id',
      );
      res.setHeader('Access-Control-Max-Age', '600');
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}
