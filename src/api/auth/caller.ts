import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { verifyFamilyToken, type TokenSettings, type VouchedFamily } from '../../auth/jwt';
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

/**
 * The family the platform vouches for (X-Family-Token, verified with the platform's family-token
 * settings), or undefined when the caller is not the platform or names no family. A token that
 * does not verify throws InvalidTokenError.
 */
export async function vouchedFamilyOf(
  caller: Pick<CallerContext, 'principal' | 'familyToken'>,
  settings: TokenSettings,
): Promise<VouchedFamily | undefined> {
  if (caller.principal.role !== 'PLATFORM' || !caller.familyToken) return undefined;
  return verifyFamilyToken(caller.familyToken, settings);
}
