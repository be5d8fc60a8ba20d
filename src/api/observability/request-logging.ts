import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import type { Request, Response } from 'express';
import { LoggerModule, Logger as NestPinoLogger, PinoLogger, type Params } from 'nestjs-pino';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { TrailedRequest } from '../audit/request-trail';
import { routeOf } from './route';

/**
 * Liveness, readiness and scrapes come every few seconds, and go on while a dependency is down
 * (which /ready's own answer names): they log at debug, whatever their status.
 */
const PROBES = new Set(['/health', '/ready', '/metrics']);

type ApiRequest = Request & { requestId?: string } & TrailedRequest;

/**
 * One JSON line per request when it finishes: its request id (the one assignRequestId gave it,
 * also in every line logged while it is handled) and the client's own id if it sent one, method and URL, status, duration, route
 * template and, on a case's routes, the application number. Headers are left out: they carry
 * bearer and family tokens.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp<ApiRequest, Response>({
    logger,
    genReqId: (req) => req.requestId ?? randomUUID(),
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // Called as the request arrives (nothing routed yet) and again as it finishes.
    customProps: (req) => {
      const route = routeOf(req);
      const applicationNo = (req.params as Record<string, string | undefined> | undefined)
        ?.applicationNo;
      const clientRequestId = req.trail?.clientRequestId;
      return {
        ...(route && { route }),
        ...(applicationNo && { applicationNo }),
        ...(clientRequestId && { clientRequestId }),
      };
    },
    customLogLevel: (req, res, error) => {
      if (PROBES.has(routeOf(req) ?? '')) return 'debug';
      return error || res.statusCode >= 500 ? 'error' : 'info';
    },
    customSuccessMessage: (req, res) => summary(req, res),
    customErrorMessage: (req, res) => summary(req, res),
  });
}

const summary = (req: Request, res: Response) =>
  `${req.method} ${routeOf(req) ?? 'UNMATCHED'} ${res.statusCode}`;

@Module({})
class ApiLoggingRoot {}

/**
 * Nest's own logging (start-up, errors, Logger instances in providers) through the same logger,
 * with the request's id when logged while a request is handled: nestjs-pino binds the request
 * logger that requestLogging attached. Given to NestFactory.create rather than installed after
 * it, so that even a failure to start is logged as JSON.
 */
export function nestLogging(app: DynamicModule, logger: Logger) {
  const params: Params = { pinoHttp: { logger }, useExisting: true };
  return {
    module: { module: ApiLoggingRoot, imports: [LoggerModule.forRoot(params), app] },
    logger: new NestPinoLogger(new PinoLogger(params), params),
  };
}
