/**
 * Typed domain errors. Each carries a stable code and a message in Chinese and English; the API
 * maps them to RFC 9457 problem documents, workflows to non-retryable ApplicationFailures.
 */
import { DomainError } from './domain-error';
import {
  windowRefusalText,
  type RegistrationWindow,
  type WindowRefusal,
} from './registration-window';

// The catalogue: the base and each theme's refusals (a case's, access), then rules, rounds and
// repairs below; limits and claims keep files of their own.
export * from './domain-error';
export * from './case-errors';
export * from './access-errors';

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
