import { Inject, Injectable } from '@nestjs/common';
import type { AuditRepository, AuditResult } from '../../db/audit-repository';
import { maskByShape } from '../../domain/masking';
import { actorOf } from '../../domain/principal';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { AUDIT } from '../injection-tokens';
import type { AuditedRoute } from './audited';
import { originOf } from './request-trail';

/** What the audit trail reads of a request: its caller, route, parameters and trail. */
export interface AuditableRequest extends AuthenticatedRequest {
  readonly method: string;
  readonly params?: Record<string, string | undefined>;
  readonly query?: Record<string, unknown>;
  readonly body?: unknown;
  /** Set before the route runs (by the guard, the first to know the handler). */
  auditRoute?: AuditedRoute;
  /** Set by a limit that refused the request, when it has more to say than its error. */
  refusal?: AuditedRefusal;
}

/** How a refusal by a limit is recorded: never personal data, only rules and numbers. */
export interface AuditedRefusal {
  /** The row's reason: the limit's rule or code (`UPLOAD_LIMIT_FIELD_COUNT`, `RATE_LIMIT`…). */
  readonly reason: string;
  readonly details?: Record<string, unknown>;
  /** A repeat already accounted for by an earlier row (rate limits: see RefusalLedger). */
  readonly unrecorded?: boolean;
}

/**
 * 401, 403, 404 (a case outside the caller's scope is "not found") and 429: refused attempts; so
 * is any refusal by a limit (a LimitRefusal, or a request a limit marked), whatever its status.
 */
const REFUSALS = new Set([401, 403, 404, 429]);
const COUNTY = /^\d{6}$/;

/**
 * One row per request that read personal data, wrote anything or was refused, unless the service
 * it reached already audited its work (a case's transition, each case of a bulk operation).
 */
@Injectable()
export class AuditTrail {
  constructor(@Inject(AUDIT) private readonly audit: AuditRepository) {}

  async succeeded(req: AuditableRequest, body: unknown): Promise<void> {
    const route = req.auditRoute;
    if (!route?.onSuccess || (req.trail?.written ?? 0) > 0) return;
    await this.write(req, route, { result: 'SUCCESS', statusCode: route.successStatus, body });
  }

  /**
   * Refusals on every route that exists; other failures on the routes audited when they succeed.
   * `code` is the problem document's (a constant, never personal data): the row's reason.
   */
  async ended(req: AuditableRequest, status: number, code?: string): Promise<void> {
    const route = req.auditRoute;
    const { refusal } = req;
    if (!route || (req.trail?.written ?? 0) > 0 || refusal?.unrecorded) return;
    const result: AuditResult = REFUSALS.has(status) || refusal ? 'DENIED' : 'FAILED';
    if (result === 'FAILED' && !route.onSuccess) return;
    await this.write(req, route, {
      result,
      statusCode: status,
      reason: refusal?.reason ?? code ?? null,
      ...(refusal?.details && { details: refusal.details }),
    });
  }

  private async write(
    req: AuditableRequest,
    route: AuditedRoute,
    outcome: {
      readonly result: AuditResult;
      readonly statusCode: number;
      readonly body?: unknown;
      readonly reason?: string | null;
      readonly details?: Record<string, unknown>;
    },
  ): Promise<void> {
    const { result, statusCode, body } = outcome;
    const principal = req.principal;
    await this.audit.append({
      actor: principal ? actorOf(principal) : 'anonymous',
      role: principal?.role ?? 'ANONYMOUS',
      countyCode: countyOf(req, body),
      action: route.action,
      result,
      statusCode,
      objectType: route.objectType,
      objectId: objectIdOf(req, route, body),
      applicationNo: null,
      beforeStatus: null,
      afterStatus: null,
      reason: outcome.reason ?? null,
      ...(outcome.details && { details: outcome.details }),
      ...originOf(req.trail),
    });
  }
}

/** The route's parameters (never personal data by the API's rules; masked by shape all the same). */
function objectIdOf(req: AuditableRequest, route: AuditedRoute, body: unknown): string | null {
  const params = Object.values(req.params ?? {}).filter((v): v is string => !!v);
  if (params.length > 0) return params.map((p) => maskByShape(p).slice(0, 100)).join('/');
  if (route.idField && typeof body === 'object' && body !== null) {
    const id = (body as Record<string, unknown>)[route.idField];
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return null;
}

/**
 * The object's county: the case's once found, else the one the request or its answer named (a
 * submitted form's), else the caller's only one.
 */
function countyOf(req: AuditableRequest, answer: unknown): string | null {
  const named = [
    req.trail?.countyCode,
    req.params?.countyCode,
    req.query?.countyCode,
    countyField(req.body),
    countyField(answer),
  ].find((c): c is string => typeof c === 'string' && COUNTY.test(c));
  if (named) return named;
  const counties = req.principal?.counties ?? [];
  return counties.length === 1 ? counties[0]! : null;
}

const countyField = (value: unknown): unknown =>
  typeof value === 'object' && value !== null
    ? (value as { countyCode?: unknown }).countyCode
    : undefined;
