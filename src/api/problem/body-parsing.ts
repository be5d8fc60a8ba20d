import { randomUUID } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { TrailedRequest } from '../audit/request-trail';
import { problem, sendProblem } from './problem';

/**
 * JSON body parsing with problem documents for what a client can get wrong before any route
 * runs: a body that is not JSON, too large, or sent with another content type.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

export function requireJsonContentType(req: Request, res: Response, next: NextFunction): void {
  const hasBody =
    req.headers['content-length'] !== undefined
      ? req.headers['content-length'] !== '0'
      : req.headers['transfer-encoding'] !== undefined;
  // Uploads come as multipart/form-data (the attachment route); everything else is JSON.
  if (
    hasBody &&
    ['POST', 'PUT', 'PATCH'].includes(req.method) &&
    !req.is('application/json') &&
    !req.is('multipart/form-data')
  ) {
    return sendProblem(
      res,
      problem(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the body as application/json.',
        '请求体须为 application/json 格式。',
      ),
    );
  }
  next();
}

export const jsonBody = express.json({ limit: MAX_BODY_BYTES, strict: true });

interface BodyParserError {
  type?: string;
  status?: number;
}

export function bodyErrorToProblem(
  err: unknown,
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  const e = err as BodyParserError;
  if (e?.type === 'entity.too.large') {
    return sendProblem(
      res,
      problem(
        413,
        'BODY_TOO_LARGE',
        `The body is larger than ${MAX_BODY_BYTES} bytes.`,
        `请求体超过 ${MAX_BODY_BYTES} 字节。`,
      ),
    );
  }
  if (e?.type === 'entity.parse.failed') {
    return sendProblem(
      res,
      problem(400, 'MALFORMED_JSON', 'The body is not valid JSON.', '请求体不是有效的 JSON。'),
    );
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return sendProblem(
      res,
      problem(e.status, `HTTP_${e.status}`, 'The request could not be read.', '无法读取请求。'),
    );
  }
  next(err);
}

/**
 * Every request gets an id of the server's, echoed back in X-Request-Id, logged and audited; the
 * caller's own X-Request-Id (if sensible) is kept apart as the client's id, never taken for ours.
 */
export function assignRequestId(
  req: Request & { requestId?: string } & TrailedRequest,
  res: Response,
  next: NextFunction,
): void {
  const given = req.headers['x-request-id'];
  req.requestId = randomUUID();
  req.trail = {
    requestId: req.requestId,
    ...(typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) && { clientRequestId: given }),
    ...(req.ip && { sourceAddress: req.ip }),
    written: 0,
  };
  res.setHeader('x-request-id', req.requestId);
  next();
}
