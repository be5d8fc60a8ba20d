import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { concatMap, type Observable } from 'rxjs';
import { describeRoute } from './audited';
import { AuditTrail, type AuditableRequest } from './audit-trail';

/**
 * Audits a route's success before its answer leaves (an audit row that cannot be written fails
 * the request rather than leave a read unrecorded). Errors are audited by the problem filter,
 * which sees those of the guard too.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly trail: AuditTrail,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuditableRequest>();
    req.auditRoute ??= describeRoute(this.reflector, context);
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        await this.trail.succeeded(req, body);
        return body;
      }),
    );
  }
}
