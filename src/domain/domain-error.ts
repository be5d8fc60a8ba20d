/**
 * Typed domain errors. Each carries a stable code and a message in Chinese and English; the API
 * maps them to RFC 9457 problem documents, workflows to non-retryable ApplicationFailures.
 */

export type DomainErrorKind =
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID'
  | 'UNPROCESSABLE'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'TOO_LARGE'
  | 'TOO_MANY_REQUESTS';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  abstract readonly code: string;
  readonly messageZh: string;

  protected constructor(messageEn: string, messageZh: string, options?: ErrorOptions) {
    super(messageEn, options);
    this.messageZh = messageZh;
    this.name = new.target.name;
  }

  /** Extra members of the problem document, safe to show the caller. */
  details(): Record<string, unknown> {
    return {};
  }
}
