import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InvalidTokenError, verifyAccessToken, type TokenSettings } from '../../auth/jwt';
import { ForbiddenError, UnauthenticatedError } from '../../domain/errors';
import type { Role } from '../../domain/principal';
import { ACCESS_TOKEN_SETTINGS } from '../injection-tokens';
import { describeRoute } from '../audit/audited';
import type { AuditableRequest } from '../audit/audit-trail';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';

/** Verifies the bearer token of every non-public route and checks the route's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ACCESS_TOKEN_SETTINGS) private readonly settings: TokenSettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuditableRequest>();
    // Named first, so that a refusal here is audited against the route it was made at.
    request.auditRoute = describeRoute(this.reflector, context);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new UnauthenticatedError();
    try {
      request.principal = await verifyAccessToken(match[1]!, this.settings);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthenticatedError({ cause: error });
      throw error;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(request.principal.role))
      throw new ForbiddenError(`role ${request.principal.role} may not do this`);
    return true;
  }
}
