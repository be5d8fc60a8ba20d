import { DomainError } from './domain-error';

/* Who may do what: sign-in, role, county scope and 等保's separation of duties. */

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
