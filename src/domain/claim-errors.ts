import { DomainError } from './domain-error';

/*
 * Refusals of claiming an offline case and of managing registration points (issue 14). A claim's
 * refusal says what to do next and never anything about the case: not its number, county, child
 * or whether the code belonged to one.
 */

const ASK_THE_POINT_EN =
  'check it against the receipt, or ask the registration point for a new one';
const ASK_THE_POINT_ZH = '请核对回执上的认领码,或到报名点重新获取';

export class ClaimCodeInvalidError extends DomainError {
  readonly kind = 'UNPROCESSABLE';
  readonly code = 'CLAIM_CODE_INVALID';
  constructor() {
    super(`This claim code is not valid; ${ASK_THE_POINT_EN}.`, `认领码无效;${ASK_THE_POINT_ZH}。`);
  }
}

export class ClaimCodeUsedError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'CLAIM_CODE_USED';
  constructor() {
    super(
      'This claim code has already been used; a code works once. If your family did not use it, ask the registration point.',
      '该认领码已被使用,每个认领码只能使用一次;如非本家庭使用,请联系报名点。',
    );
  }
}

export class ClaimCodeExpiredError extends DomainError {
  readonly kind = 'UNPROCESSABLE';
  readonly code = 'CLAIM_CODE_EXPIRED';
  constructor() {
    super(
      'This claim code has expired; ask the registration point for a new one.',
      '该认领码已过期,请到报名点重新获取。',
    );
  }
}

/** Failed claims of one account are limited (claim_attempt), across every API replica. */
export class ClaimAttemptsExceededError extends DomainError {
  readonly kind = 'TOO_MANY_REQUESTS';
  readonly code = 'CLAIM_ATTEMPTS_EXCEEDED';
  constructor(
    readonly limit: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      `Too many wrong claim codes from this account (${limit}); try again in ${retryAfterSeconds} s.`,
      `该账号认领码错误次数过多(${limit} 次),请 ${retryAfterSeconds} 秒后再试。`,
    );
  }
  override details(): Record<string, unknown> {
    return { limit: this.limit, retryAfterSeconds: this.retryAfterSeconds };
  }
}

/** The case has been claimed: its code cannot be issued again. */
export class CaseAlreadyClaimedError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'CASE_ALREADY_CLAIMED';
  constructor() {
    super('The family has already claimed this case.', '该申请已由家庭认领。');
  }
}

/** A slot's capacity cannot fall below the families already booked into it. */
export class CapacityBelowBookingsError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'CAPACITY_BELOW_BOOKINGS';
  constructor(readonly booked: number) {
    super(
      `${booked} families have booked this slot; its capacity cannot be lower. Cancel bookings first.`,
      `该时段已有 ${booked} 个预约,容量不能低于此数;请先取消预约。`,
    );
  }
  override details(): Record<string, unknown> {
    return { booked: this.booked };
  }
}

/** Slots and days with live bookings are not removed from under the families. */
export class BookingsExistError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'BOOKINGS_EXIST';
  constructor(readonly booked: number) {
    super(
      `${booked} live bookings would be lost; cancel them first (the families are told).`,
      `尚有 ${booked} 个有效预约,请先取消这些预约。`,
    );
  }
  override details(): Record<string, unknown> {
    return { booked: this.booked };
  }
}

/** Staff mark a booking once: attended, no-show or cancelled, from BOOKED only. */
export class BookingNotOpenError extends DomainError {
  readonly kind = 'CONFLICT';
  readonly code = 'BOOKING_NOT_OPEN';
  constructor(readonly currentStatus: string) {
    super(
      `The booking is ${currentStatus}; only a booked appointment can be marked.`,
      `该预约当前状态为 ${currentStatus},只有待办理的预约可以标记。`,
    );
  }
  override details(): Record<string, unknown> {
    return { currentStatus: this.currentStatus };
  }
}
