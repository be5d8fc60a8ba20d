import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '../../domain/principal';
import type { RequestTrail } from '../audit/request-trail';
import { headerValue } from '../headers';
import type { AuthenticatedRequest } from './auth.decorators';

/** Who is acting, as every service that reaches a case needs it: checked, audited, vouched for. */
export interface CallerContext {
  readonly principal: Principal;
  /** X-Family-Token: the platform vouching for a family. */
  readonly familyToken?: string;
  /** The server's id of the request, for the audit log. */
  readonly requestId?: string;
  /** The request's audit fields (client id, source address), shared with the audit interceptor. */
  readonly trail?: RequestTrail;
}

/** The caller of a request the auth guard let through. */
export function callerOf(request: AuthenticatedRequest): CallerContext {
  if (!request.principal) throw new Error('Caller used on a public route');
  const familyToken = headerValue(request, 'x-family-token');
  return {
    principal: request.principal,
    ...(familyToken !== undefined && { familyToken }),
    ...(request.requestId !== undefined && { requestId: request.requestId }),
    ...(request.trail && { trail: request.trail }),
  };
}

/** The caller of the current request: its verified principal, family token and request id. */
export const Caller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CallerContext =>
    callerOf(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);
