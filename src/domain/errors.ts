/**
 * Typed domain errors. Each carries a stable code and a message in Chinese and English; the API
 * maps them to RFC 9457 problem documents, workflows to non-retryable ApplicationFailures.
 */
import {
  windowRefusalText,
  type RegistrationWindow,
  type WindowRefusal,
} from './registration-window';

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
export class LiveCaseLimitError extends DomainError {
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

export class UnauthenticatedError extends DomainError {
  readonly kind = 'UNAUTHENTICATED';
  readonly code = 'UNAUTHENTICATED';
  /** Why a token failed stays in `cause`: telling the caller would help whoever forges one. */
  constructor(options?: ErrorOptions) {
    super(
      'Sign-in required: the token is missing, invalid or expired.',
      '请先登录(身份令牌缺失、无效或已过期)。',
      options,
    );
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'FORBIDDEN';
  readonly code = 'FORBIDDEN';
  constructor(reason: string, options?: ErrorOptions) {
    super(`Not allowed: ${reason}.`, '无权进行此操作。', options);
  }
}

/**
 * 等保 separation of duties: a decision an operator or administrator delivers through the console
 * must carry a reviewer's approval of that very decision for that case (docs/audit.md).
 */
export class SeparationOfDutiesError extends DomainError {
  readonly kind = 'FORBIDDEN';
  readonly code = 'SEPARATION_OF_DUTIES';
  constructor(readonly problem: string) {
    super(
      `A decision needs a reviewer: ${problem}. Ask a reviewer of the case's county to approve it (POST /applications/{applicationNo}/repair-approval) and pass its approvalId.`,
      '审核决定须由审核人员作出:请该县审核人员先批准此决定,再携带 approvalId 提交。',
    );
  }
  override details(): Record<string, unknown> {
    return { problem: this.problem };
  }
}

/** Personal data unmasked is the AUDITOR's alone (等保 separation of duties). */
export class UnmaskedReadForbiddenError extends DomainError {
  readonly kind = 'FORBIDDEN';
  readonly code = 'UNMASKED_FOR_AUDITORS_ONLY';
  constructor(
    readonly role: string,
    options?: ErrorOptions,
  ) {
    super(
      `Not allowed: personal data is shown unmasked to auditors only (role ${role}); ask without unmasked=true for the masked view.`,
      `无权查看未脱敏的个人信息:仅审计员可查看;请去掉 unmasked=true 查看脱敏信息。`,
      options,
    );
  }
}

/** The request is well-formed but breaks a business rule that names a field. */
export class RuleViolationError extends DomainError {
  readonly kind = 'INVALID';
  readonly code = 'VALIDATION_FAILED';
  constructor(
    readonly violations: readonly {
      path: string;
      code: string;
      message_zh: string;
      message_en: string;
    }[],
  ) {
    super(
      'The request has invalid fields; see violations.',
      '请求中有字段不符合要求,详见 violations。',
    );
  }
  override details(): Record<string, unknown> {
    return { violations: this.violations };
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly kind = 'UNPROCESSABLE';
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super(
      'This Idempotency-Key was already used for a different request.',
      '该幂等键(Idempotency-Key)已用于另一个不同的请求。',
    );
  }
}

export class RequestInProgressError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'REQUEST_IN_PROGRESS';
  constructor() {
    super(
      'The first request with this Idempotency-Key is still being processed; retry shortly.',
      '使用该幂等键的请求仍在处理中,请稍后重试。',
    );
  }
}

export class SlotFullError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'SLOT_FULL';
  constructor(readonly slotId: string) {
    super(
      'This appointment slot is fully booked; please choose another.',
      '该预约时段已约满,请选择其他时段。',
    );
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'NOT_FOUND';
  readonly code = 'NOT_FOUND';
  constructor(what: string) {
    super(
      `No such ${what}.`,
      `未找到该${what === 'appointment' ? '预约' : what === 'appointment slot' ? '预约时段' : '记录'}。`,
    );
  }
}

export class DuplicateRoundError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'ROUND_EXISTS';
  constructor(countyCode: string, stage: string, seasonYear: number) {
    super(
      `An admission round for ${countyCode} ${stage} ${seasonYear} is being started; try again.`,
      `${countyCode} ${seasonYear}年${stage}的录取轮次正在创建,请稍后重试。`,
    );
  }
}

/** A 补录 round starts from the published results of every earlier round of its season. */
export class EarlierRoundOpenError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'EARLIER_ROUND_OPEN';
  constructor(readonly roundId: string) {
    super(
      `Round ${roundId} of this season is not published yet; the next round starts after it.`,
      `本季录取轮次 ${roundId} 尚未公布结果,公布后方可开始下一轮(补录)。`,
    );
  }
  override details(): Record<string, unknown> {
    return { roundId: this.roundId };
  }
}

export class RegistrationOpenError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'REGISTRATION_OPEN';
  constructor(readonly closesAt: string) {
    super(
      `Registration is open until ${closesAt}; the round starts after it closes.`,
      `报名截止于 ${closesAt},截止后方可开始录取。`,
    );
  }
  override details(): Record<string, unknown> {
    return { closesAt: this.closesAt };
  }
}

/** A submission outside the county's registration window, or where none is published. */
export class RegistrationWindowError extends DomainError {
  readonly kind = 'CONFLICT';
  constructor(
    readonly code: WindowRefusal,
    readonly window: RegistrationWindow | null,
  ) {
    const { en, zh } = windowRefusalText(code, window);
    super(en, zh);
  }
  override details(): Record<string, unknown> {
    return this.window
      ? { opensAt: this.window.opensAt.toISOString(), closesAt: this.window.closesAt.toISOString() }
      : {};
  }
}

export class NothingToRetryError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'NOTHING_TO_RETRY';
  constructor(readonly applicationNo: string) {
    super(
      `Case ${applicationNo} has no failing activity to retry.`,
      `申请 ${applicationNo} 当前没有失败待重试的任务。`,
    );
  }
}

/** Temporal refused an operator's repair (e.g. a reset while a newer run of the case is open). */
export class RepairRefusedError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'REPAIR_REFUSED';
  constructor(
    readonly action: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(
      `Temporal refused "${action}": ${reason}`,
      `Temporal 拒绝了"${action}"操作:${reason}`,
      options,
    );
  }
  override details(): Record<string, unknown> {
    return { action: this.action, reason: this.reason };
  }
}
