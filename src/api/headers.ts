import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { AuthenticatedRequest } from './auth/auth.decorators';

/*
 * Optional request headers, read by decorators of our own: Nest's `@Headers('name')` makes the
 * OpenAPI document list a second, lower-case and *required* header beside the documented one,
 * which told client authors that a parent's POST needs a family token.
 */

/** An optional header's value; of a repeated header, the first. */
export function headerValue(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function optionalHeader(name: string) {
  return createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined =>
    headerValue(context.switchToHttp().getRequest<AuthenticatedRequest>(), name),
  );
}

/** The client's Idempotency-Key, if it sent one. */
export const IdempotencyKey = optionalHeader('idempotency-key');

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

/** The namespace the Temporal Web UI names when it calls the codec server. */
export const TemporalNamespace = optionalHeader('x-namespace');
