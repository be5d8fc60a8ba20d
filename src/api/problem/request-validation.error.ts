import type { ZodError } from 'zod';

/** A request body, query or parameter broke the rules of its schema. */
export class RequestValidationError extends Error {
  constructor(readonly zodError: ZodError) {
    super('request validation failed', { cause: zodError });
    this.name = 'RequestValidationError';
  }
}
