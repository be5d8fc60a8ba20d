import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { AuthenticatedRequest } from './auth/auth.decorators';

/*
 * Optional request headers, read by decorators of our own: Nest's `@Headers('name')` makes the
 * OpenAPI document list a second, lower-case and *required* header beside the documented one,
 * which told client authors that a parent's POST needs a family token.
 */

function optionalHeader(name: string) {
  return createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
    const value = context.switchToHttp().getRequest<AuthenticatedRequest>().headers[name];
    return Array.isArray(value) ? value[0] : value;
  });
}

/** The client's Idempotency-Key, if it sent one. */
export const IdempotencyKey = optionalHeader('idempotency-key');

/** The platform's X-Family-Token, if one was sent (only a PLATFORM caller needs it). */
export const FamilyToken = optionalHeader('x-family-token');

export const ApiIdempotencyKeyHeader = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Optional. Retries with the same key (1–128 printable characters) get the first answer',
  });

export const ApiFamilyTokenHeader = () =>
  ApiHeader({
    name: 'X-Family-Token',
    required: false,
    description:
      'PLATFORM callers only: the family the platform vouches for. Parents and staff send none',
  });
