import {
  applyDecorators,
  Inject,
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
import { InvalidTokenError } from '../../auth/jwt';
import { familyTokenSettings, type Config } from '../../config/config';
import {
  gatewayAddressesOf,
  rateLimitsOf,
  type RateClass,
  type RateLimit,
} from '../../config/limits';
import { TooManyRequestsError } from '../../domain/limit-errors';
import { actorOf } from '../../domain/principal';
import { describeRoute } from '../audit/audited';
import type { AuditableRequest } from '../audit/audit-trail';
import { Public, PUBLIC_ROUTE, type AuthenticatedRequest } from '../auth/auth.decorators';
import { callerOf, vouchedFamilyOf } from '../auth/caller';
import { API_CONFIG } from '../injection-tokens';
import { RefusalLedger } from './refusal-ledger';

/**
 * Request rate limits (@nestjs/throttler, in-process sliding windows): per address before the
 * token is even checked, per principal after it, each counted per route class. A refusal is a
 * 429 problem document with Retry-After. Each API process counts its own requests.
 *
 * The platform (桂通办) acts for many families (issue 13): a request it makes for a family it
 * vouches for (a valid X-Family-Token) counts against that family's own budget, as a PARENT's
 * does, and every request it makes, for a family or as itself, against its overall budget too
 * (RATE_LIMIT_PLATFORM_FACTOR times a principal's). So one family cannot spend the others' share,
 * and the platform as a whole is still bounded.
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
const FAMILY = 'family';
const PLATFORM = 'platform';

/**
 * A request past the token check, with the family the platform vouches for in it (its `sub`), or
 * null: not the platform, no family token, or one that does not verify. Set by the principal guard
 * before it counts, so that each throttler can tell which budgets the request belongs to.
 */
type LimitedRequest = AuthenticatedRequest & { limitedFamily?: string | null };

/**
 * The family a platform request counts for. A token that does not verify counts as the platform
 * acting as itself (its route then answers 401, or ignores it), so a forged token cannot mint a
 * fresh budget. The key holds the family's `sub`: the platform's account id for the family, the
 * case's owner, recorded like every actor in the clear; never an ID number, which reaches the
 * service only as the `guardian` claim's keyed hash and is no part of any key here.
 */
async function limitedFamilyOf(request: LimitedRequest, config: Config): Promise<string | null> {
  try {
    return (await vouchedFamilyOf(callerOf(request), familyTokenSettings(config)))?.sub ?? null;
  } catch (error) {
    if (error instanceof InvalidTokenError) return null;
    throw error;
  }
}

function throttlers(
  limits: Record<RateClass, RateLimit>,
  isGateway: (address: string | undefined) => boolean,
): ThrottlerOptions[] {
  const reflector = new Reflector();
  const limitOf = (context: ExecutionContext) => limits[rateClassOf(reflector, context)];
  const requestOf = (context: ExecutionContext) =>
    context.switchToHttp().getRequest<Request & LimitedRequest>();
  const familyOf = (context: ExecutionContext) => requestOf(context).limitedFamily ?? null;
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
      // The platform gateway's addresses (RATE_LIMIT_GATEWAY_ADDRESSES) are exempt, rather than
      // trusted to name the client in X-Forwarded-For. The platform calls this API server to
      // server and names each family by the token it signs for it, which the limits below count
      // by: a better name than any address (families on mobile networks share carrier NAT
      // addresses), where a forwarded address would be only as good as the gateway's handling of
      // the header, would not exist for the platform's own calls, and would change what the audit
      // records as the source address (the peer's, docs/audit.md). What the gateway sends is
      // bounded by who signs it: each family it vouches for, and the platform's overall budget.
      skipIf: (context) =>
        (isPublic(context) && rateClassOf(reflector, context) !== 'public') ||
        isGateway(requestOf(context).ip),
      limit: (context) => limitOf(context).perAddress,
      getTracker: (req) => normalizeIp((req as Request).ip ?? 'unknown'),
    },
    {
      ...common,
      name: PRINCIPAL,
      // The platform acting for a family counts as that family instead (below).
      skipIf: (context) => isPublic(context) || familyOf(context) !== null,
      limit: (context) => limitOf(context).perPrincipal,
      getTracker: (req) => actorOf((req as AuthenticatedRequest).principal!),
    },
    {
      ...common,
      name: FAMILY,
      skipIf: (context) => isPublic(context) || familyOf(context) === null,
      limit: (context) => limitOf(context).perPrincipal,
      getTracker: (req) => (req as LimitedRequest).limitedFamily!,
    },
    {
      ...common,
      name: PLATFORM,
      skipIf: (context) => isPublic(context) || requestOf(context).principal?.role !== 'PLATFORM',
      limit: (context) => limitOf(context).perPlatform,
      getTracker: (req) => actorOf((req as AuthenticatedRequest).principal!),
    },
  ];
}

/** The throttler a key was counted by (the keys are `<throttler>:<class>:<tracker>`). */
const throttlerOf = (key: string) => key.slice(0, key.indexOf(':'));

/**
 * Counts its own throttlers, in the order named; the other guard counts the others. A refusal is
 * audited against its route (the address guard runs before the token check, so it names the
 * route itself), the first of each key's window only (RefusalLedger).
 */
abstract class SomeThrottlersGuard extends ThrottlerGuard {
  protected abstract readonly throttlerNames: readonly string[];
  private readonly refusals = new RefusalLedger();

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    // By name, not the library's order (it sorts by window, and every window here is a function).
    const all = this.throttlers;
    this.throttlers = this.throttlerNames.flatMap((name) => all.filter((t) => t.name === name));
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
            limiter: throttlerOf(detail.key),
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
export class AddressRateLimitGuard extends SomeThrottlersGuard {
  protected readonly throttlerNames = [ADDRESS];
}

/**
 * The principal's budget, or the family's the platform acts for, then the platform's overall
 * one. In that order, a request its family's budget refuses is not counted in the platform's (a
 * family at its limit does not spend the others' share); one the platform's refuses has been
 * counted in its family's, as one any limit refuses has been counted per address.
 */
@Injectable()
export class PrincipalRateLimitGuard extends SomeThrottlersGuard {
  protected readonly throttlerNames = [PRINCIPAL, FAMILY, PLATFORM];
  @Inject(API_CONFIG) private readonly config!: Config;

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<LimitedRequest>();
    if (request.principal) request.limitedFamily = await limitedFamilyOf(request, this.config);
    return super.canActivate(context);
  }
}

/**
 * The throttler module and the guards around the token check, in order: the address guard, then
 * the given authentication guard, then the principal guard. Without limits, the token check alone.
 */
export function rateLimiting(
  config: Config,
  authGuard: Type<CanActivate>,
): { imports: DynamicModule[]; guards: Provider[] } {
  const auth = { provide: APP_GUARD, useClass: authGuard };
  const limits = rateLimitsOf(config);
  if (!limits) return { imports: [], guards: [auth] };
  const limited = throttlers(limits, gatewayAddressesOf(config));
  return {
    imports: [ThrottlerModule.forRoot({ throttlers: limited, setHeaders: false })],
    guards: [
      { provide: APP_GUARD, useClass: AddressRateLimitGuard },
      auth,
      { provide: APP_GUARD, useClass: PrincipalRateLimitGuard },
    ],
  };
}
