import { DomainError } from './domain-error';

/**
 * Refusals of the limits that keep one account from exhausting the service (issue 13): each
 * names the rule it applies and the limit, never another family's data. Whatever its status, the
 * audit log records one as a refused attempt (DENIED, with its code), not as a failure.
 */
export abstract class LimitRefusal extends DomainError {}

export class TooManyRequestsError extends LimitRefusal {
  readonly kind = 'TOO_MANY_REQUESTS';
  readonly code = 'TOO_MANY_REQUESTS';
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many requests; try again in ${retryAfterSeconds} s.`,
      `请求过于频繁,请 ${retryAfterSeconds} 秒后再试。`,
    );
  }
  override details(): Record<string, unknown> {
    return { retryAfterSeconds: this.retryAfterSeconds };
  }
}

/**
 * The service is at capacity (issue 18): more cases wait for verification than it takes on. The
 * submission was not recorded; the same request may be sent again after Retry-After.
 */
export class AtCapacityError extends LimitRefusal {
  readonly kind = 'TOO_MANY_REQUESTS';
  readonly code = 'AT_CAPACITY';
  constructor(
    readonly retryAfterSeconds: number,
    /** Which bound: the cases waiting for verification, or the submissions being taken on now. */
    readonly rule: 'VERIFICATION_BACKLOG' | 'SUBMISSIONS_IN_FLIGHT' = 'VERIFICATION_BACKLOG',
  ) {
    super(
      `The service is taking on more applications than it can check right now; nothing was recorded. Please submit again in ${retryAfterSeconds} s.`,
      `当前报名人数较多,系统暂时无法受理,本次提交未被记录。请 ${retryAfterSeconds} 秒后重新提交。`,
    );
  }
  override details(): Record<string, unknown> {
    return { rule: this.rule, retryAfterSeconds: this.retryAfterSeconds };
  }
}

export class UploadNotOpenError extends LimitRefusal {
  readonly kind = 'CONFLICT';
  readonly code = 'UPLOAD_NOT_OPEN';
  constructor(readonly currentStatus: string) {
    super(
      'Documents are uploaded only while a supplement request is open (status NEEDS_SUPPLEMENT, before its deadline).',
      '仅在补充材料请求有效期内(状态为"待补充材料"且未过截止时间)可上传材料。',
    );
  }
  override details(): Record<string, unknown> {
    return { rule: 'UPLOAD_ONLY_WHILE_SUPPLEMENT_REQUESTED', currentStatus: this.currentStatus };
  }
}

export class AttachmentTooLargeError extends LimitRefusal {
  readonly kind = 'TOO_LARGE';
  readonly code = 'ATTACHMENT_TOO_LARGE';
  constructor(readonly maxBytes: number) {
    super(`A document may have at most ${maxBytes} bytes.`, `单个文件不得超过 ${maxBytes} 字节。`);
  }
  override details(): Record<string, unknown> {
    return { rule: 'ATTACHMENT_SIZE', maxBytes: this.maxBytes };
  }
}

export class UploadQuotaError extends LimitRefusal {
  readonly kind = 'CONFLICT';
  readonly code = 'UPLOAD_QUOTA_EXCEEDED';
  constructor(readonly quota: { readonly maxFiles: number; readonly maxBytes: number }) {
    super(
      `A case holds at most ${quota.maxFiles} documents and ${quota.maxBytes} bytes in all.`,
      `每份申请最多上传 ${quota.maxFiles} 个文件,合计不超过 ${quota.maxBytes} 字节。`,
    );
  }
  override details(): Record<string, unknown> {
    return { rule: 'UPLOAD_QUOTA_PER_CASE', ...this.quota };
  }
}

export class BookingLimitError extends LimitRefusal {
  readonly kind = 'CONFLICT';
  readonly code = 'BOOKING_LIMIT';
  constructor(readonly maxLiveBookings: number) {
    super(
      `A family holds at most ${maxLiveBookings} upcoming appointments; cancel one to book another.`,
      `每个家庭最多同时保留 ${maxLiveBookings} 个未到期的预约,请先取消一个再预约。`,
    );
  }
  override details(): Record<string, unknown> {
    return { rule: 'LIVE_BOOKINGS_PER_FAMILY', maxLiveBookings: this.maxLiveBookings };
  }
}
