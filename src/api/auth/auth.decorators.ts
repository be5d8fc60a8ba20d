import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role } from '../../domain/principal';
import type { TrailedRequest } from '../audit/request-trail';

export const PUBLIC_ROUTE = Symbol('PUBLIC_ROUTE');
export const ALLOWED_ROLES = Symbol('ALLOWED_ROLES');

/** No token needed (health, docs). Every other route requires one. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export interface AuthenticatedRequest extends TrailedRequest {
  principal?: Principal;
  requestId?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The verified caller of the current request. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new Error('CurrentPrincipal used on a public route');
    return principal;
  },
);
