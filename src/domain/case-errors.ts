import { DomainError } from './domain-error';
import { LimitRefusal } from './limit-errors';

/* Refusals about one family's case: not found, a duplicate, not its guardian, not now. */

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

/**
 * The child already has a live case. Its number is told only to whoever may read that case (the
 * same account, or county staff); anyone else learns neither number nor county, only the way out:
 * the guardian contests it at a registration point with the household booklet.
 */
export class DuplicateApplicationError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'DUPLICATE_APPLICATION';
  constructor(
    readonly existingApplicationNo: string | null,
    options?: ErrorOptions,
  ) {
    super(
      existingApplicationNo
        ? `This child already has a live application for this season and stage: ${existingApplicationNo}.`
        : "This child already has a live application for this season and stage, filed from another account. If you are the child's guardian, bring the household booklet (or birth certificate) and your ID card to a registration point to contest it.",
      existingApplicationNo
        ? `该儿童本学年本学段已有在办申请:${existingApplicationNo}。`
        : '该儿童本学年本学段已有由其他账号提交的在办申请。如您是该儿童的监护人,请携带户口簿(或出生医学证明)和本人身份证到报名点提出异议。',
      options,
    );
  }
  override details(): Record<string, unknown> {
    return this.existingApplicationNo
      ? { existingApplicationNo: this.existingApplicationNo }
      : { contestAt: '/registration-points' };
  }
}

/** The caller is not one of the guardians the form names (real-name verified by the platform). */
export class NotTheGuardianError extends DomainError {
  readonly kind = 'FORBIDDEN';
  readonly code = 'NOT_THE_GUARDIAN';
  constructor() {
    super(
      'Only a guardian named on the form can apply, signed in with their own real-name account; otherwise apply at a registration point with the household booklet.',
      '只有表中填报的监护人本人(经实名认证的账号)才能在线申请;否则请携带户口簿到报名点办理。',
    );
  }
}

/** One account may hold only so many live cases at once (policy data). */
export class LiveCaseLimitError extends LimitRefusal {
  readonly kind = 'CONFLICT';
  readonly code = 'LIVE_CASE_LIMIT';
  constructor(readonly limit: number) {
    super(
      `This account already has ${limit} live applications, the most one account may hold; withdraw one or apply at a registration point.`,
      `该账号已有 ${limit} 份在办申请,已达上限;请撤回其中一份,或到报名点办理。`,
    );
  }
  override details(): Record<string, unknown> {
    return { limit: this.limit };
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

/** An appeal (复核) after the county's period for it, counted from the result (domain/appeals.ts). */
export class AppealWindowClosedError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'APPEAL_WINDOW_CLOSED';
  constructor(
    readonly currentStatus: string,
    options?: ErrorOptions,
  ) {
    super(
      'The period for appealing this result has passed.',
      '已超过申请复核的期限,不能再申请复核。',
      options,
    );
  }
  override details(): Record<string, unknown> {
    return { action: 'APPEAL', currentStatus: this.currentStatus };
  }
}
