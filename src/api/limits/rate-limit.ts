import {
  applyDecorators,
  Injectable,
  SetMetadata,
  type CanActivate,
  type DynamicModule,
  type ExecutionContext,
  type Provider,
  type Type,
} from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import {
  normalizeIp,
  ThrottlerGuard,
  ThrottlerModule,
  type ThrottlerLimitDetail,
  type ThrottlerOptions,
} from '@nestjs/throttler';
import type { Request } from 'express';
import type { RateClass, RateLimit } from '../../config/limits';
import { TooManyRequestsError } from '../../domain/limit-errors';
import { actorOf } from '../../domain/principal';
import { describeRoute } from '../audit/audited';
import type { AuditableRequest } from '../audit/audit-trail';
import { Public, PUBLIC_ROUTE, type AuthenticatedRequest } from '../auth/auth.decorators';
import { RefusalLedger } from './refusal-ledger';

/**
 * Request rate limits (@nestjs/throttler, in-process sliding windows): per address before the
 * token is even checked, per principal after it, each counted per route class. A refusal is a
 * 429 problem document with Retry-After. Each API process counts its own requests.
 */
const RATE_CLASS = Symbol('RATE_CLASS');

/** The route class a route's requests count against; unmarked: GET reads, anything else submits. */
export const RateClassOf = (rateClass: RateClass) => SetMetadata(RATE_CLASS, rateClass);

/** No token needed, and counted per address in the `public` class (a family's browser, a portal). */
export const PublicInformation = () => applyDecorators(Public(), RateClassOf('public'));

function rateClassOf(reflector: Reflector, context: ExecutionContext): RateClass {
  const marked = reflector.getAllAndOverride<RateClass | undefined>(RATE_CLASS, [
    context.getHandler(),
    context.getClass(),
  ]);
  if (marked) return marked;
  const method = context.switchToHttp().getRequest<Request>().method;
  return method === 'GET' || method === 'HEAD' ? 'read' : 'submit';
}

const ADDRESS = 'address';
const PRINCIPAL = 'principal';

function throttlers(limits: Record<RateClass, RateLimit>): ThrottlerOptions[] {
  const reflector = new Reflector();
  const limitOf = (context: ExecutionContext) => limits[rateClassOf(reflector, context)];
  const common = {
    ttl: (context: ExecutionContext) => limitOf(context).windowMs,
    // A refused request does not count: the window slides, it is not a penalty box.
    blockDuration: 0,
    generateKey: (context: ExecutionContext, tracker: string, name: string) =>
      `${name}:${rateClassOf(reflector, context)}:${tracker}`,
  };
  const isPublic = (context: ExecutionContext) =>
    reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]) === true;
  return [
    {
      ...common,
      name: ADDRESS,
      // Of the routes without a token, the public information counts per address (issue 15);
      // health, readiness and metrics stay unlimited for the probes and the scraper.
      skipIf: (context) => isPublic(context) && rateClassOf(reflector, context) !== 'public',
      limit: (context) => limitOf(context).perAddress,
      getTracker: (req) => normalizeIp((req as Request).ip ?? 'unknown'),
    },
    {
      ...common,
      name: PRINCIPAL,
      skipIf: isPublic,
      limit: (context) => limitOf(context).perPrincipal,
      getTracker: (req) => actorOf((req as AuthenticatedRequest).principal!),
    },
  ];
}

/**
 * Counts one of the two throttlers; the other guard counts the other. A refusal is audited
 * against its route (the address guard runs before the token check, so it names the route
 * itself), the first of each key's window only (RefusalLedger).
 */
abstract class OneThrottlerGuard extends ThrottlerGuard {
  protected abstract readonly throttlerName: string;
  private readonly refusals = new RefusalLedger();

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    this.throttlers = this.throttlers.filter((t) => t.name === this.throttlerName);
  }

  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    const http = context.switchToHttp();
    http
      .getResponse<{ setHeader(n: string, v: string): void }>()
      .setHeader('Retry-After', String(retryAfter));
    const request = http.getRequest<AuditableRequest>();
    request.auditRoute ??= describeRoute(this.reflector, context);
    const row = this.refusals.refuse(detail.key, detail.ttl, Date.now());
    request.refusal = row
      ? {
          reason: 'RATE_LIMIT',
          details: {
            limiter: this.throttlerName,
            rateClass: rateClassOf(this.reflector, context),
            limit: detail.limit,
            windowMs: detail.ttl,
            refusedUnrecordedBefore: row.unrecordedBefore,
          },
        }
      : { reason: 'RATE_LIMIT', unrecorded: true };
    throw new TooManyRequestsError(retryAfter);
  }
}

@Injectable()
export class AddressRateLimitGuard extends OneThrottlerGuard {
  protected readonly throttlerName = ADDRESS;
}

@Injectable()
export class PrincipalRateLimitGuard extends OneThrottlerGuard {
  protected readonly throttlerName = PRINCIPAL;
}

/**
 * The throttler module and the guards around the token check, in order: the address guard, then
 * the given authentication guard, then the principal guard. Without limits, the token check alone.
 */
export function rateLimiting(
  limits: Record<RateClass, RateLimit> | null,
  authGuard: Type<CanActivate>,
): { imports: DynamicModule[]; guards: Provider[] } {
  const auth = { provide: APP_GUARD, useClass: authGuard };
  if (!limits) return { imports: [], guards: [auth] };
  return {
    imports: [ThrottlerModule.forRoot({ throttlers: throttlers(limits), setHeaders: false })],
    guards: [
      { provide: APP_GUARD, useClass: AddressRateLimitGuard },
      auth,
      { provide: APP_GUARD, useClass: PrincipalRateLimitGuard },
    ],
  };
}
