import {
  ArgumentsHost,
  Catch,
  HttpException,
  Injectable,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { isDatabaseBusy, isDatabaseUnavailable } from '../../db/prisma-client';
import { DomainError, RuleViolationError, type DomainErrorKind } from '../../domain/errors';
import { toViolations } from '../../domain/forms/violations';
import { LimitRefusal } from '../../domain/limit-errors';
import { isTemporalUnavailable } from '../../temporal/client';
import { AuditTrail, type AuditableRequest } from '../audit/audit-trail';
import { problem, sendProblem, type Problem } from './problem';
import { RequestValidationError } from './request-validation.error';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 400,
  UNPROCESSABLE: 422,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

/**
 * A database out of connections frees one within seconds (a pool's wait is 15 s); a restarted
 * database or Temporal server serves again within seconds too.
 */
const RETRY_SECONDS = 5;

/** Every error leaves the API as application/problem+json; nothing internal leaks to the caller. */
@Catch()
@Injectable()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  constructor(private readonly trail: AuditTrail) {}

  /** Audited (refusals on every route, failures on audited ones) before the answer leaves. */
  catch(exception: unknown, host: ArgumentsHost): void {
    const body = this.toProblem(exception);
    const http = host.switchToHttp();
    const request = http.getRequest<AuditableRequest>();
    if (exception instanceof LimitRefusal) request.refusal ??= { reason: exception.code };
    void this.trail
      .ended(request, body.status, body.code)
      .catch((error: unknown) =>
        this.logger.error(error instanceof Error ? error : new Error(String(error))),
      )
      .finally(() => sendProblem(http.getResponse<Response>(), body));
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof RequestValidationError)
      return this.toProblem(
        new RuleViolationError(toViolations(exception.zodError, exception.part)),
      );
    if (exception instanceof DomainError) {
      return problem(
        STATUS_OF_KIND[exception.kind],
        exception.code,
        exception.message,
        exception.messageZh,
        exception.details(),
      );
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404)
        return problem(404, 'NOT_FOUND', 'No such resource.', '请求的资源不存在。');
      return problem(status, `HTTP_${status}`, exception.message, exception.message);
    }
    if (isDatabaseBusy(exception))
      return this.comeBackLater(exception, 'DATABASE_BUSY', 'The service is busy', '系统繁忙');
    if (isDatabaseUnavailable(exception) || isTemporalUnavailable(exception))
      return this.comeBackLater(
        exception,
        'SERVICE_UNAVAILABLE',
        'The service is briefly unavailable',
        '系统暂时不可用',
      );
    // As an error object, so the JSON log has its type, message and stack as fields.
    this.logger.error(exception instanceof Error ? exception : new Error(String(exception)));
    return problem(
      500,
      'INTERNAL_ERROR',
      'Something went wrong on our side; please try again later.',
      '系统内部错误,请稍后重试。',
    );
  }

  /** A transient condition: 503 with when to come back, logged at warn (not a failure of ours). */
  private comeBackLater(exception: unknown, code: string, en: string, zh: string): Problem {
    this.logger.warn(exception);
    return problem(
      503,
      code,
      `${en}; please try again in ${RETRY_SECONDS} s.`,
      `${zh},请 ${RETRY_SECONDS} 秒后重试。`,
      { retryAfterSeconds: RETRY_SECONDS },
    );
  }
}
