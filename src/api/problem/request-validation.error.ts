import type { ZodError } from 'zod';
import type { RequestPart } from '../../domain/forms/violations';

/** A request body, query or parameter broke the rules of its schema. */
export class RequestValidationError extends Error {
  constructor(
    readonly zodError: ZodError,
    readonly part: RequestPart = 'body',
  ) {
    super('request validation failed', { cause: zodError });
    this.name = 'RequestValidationError';
  }
}
