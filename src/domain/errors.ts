/**
 * Typed domain errors. Each carries a stable code and a message in Chinese and English; the API
 * maps them to RFC 9457 problem documents, workflows to non-retryable ApplicationFailures.
 */
export type DomainErrorKind = 'NOT_FOUND' | 'CONFLICT' | 'INVALID' | 'FORBIDDEN';

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

export class ApplicationNotFoundError extends DomainError {
  readonly kind = 'NOT_FOUND';
  readonly code = 'APPLICATION_NOT_FOUND';
  constructor(
    readonly applicationNo: string,
    options?: ErrorOptions,
  ) {
    super(`No application ${applicationNo} was found.`, `未找到申请 ${applicationNo}。`, options);
  }
}

export class DuplicateApplicationError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'DUPLICATE_APPLICATION';
  constructor(
    readonly existingApplicationNo: string,
    options?: ErrorOptions,
  ) {
    super(
      `This child already has a live application for this season and stage: ${existingApplicationNo}.`,
      `该儿童本学年本学段已有在办申请:${existingApplicationNo}。`,
      options,
    );
  }
  override details(): Record<string, unknown> {
    return { existingApplicationNo: this.existingApplicationNo };
  }
}

export class InvalidTransitionError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'INVALID_STATE';
  constructor(
    readonly action: string,
    readonly currentStatus: string,
    options?: ErrorOptions,
  ) {
    super(
      `The case is ${currentStatus}; "${action}" is not accepted in that state.`,
      `申请当前状态为 ${currentStatus},不能执行"${action}"。`,
      options,
    );
  }
  override details(): Record<string, unknown> {
    return { action: this.action, currentStatus: this.currentStatus };
  }
}
