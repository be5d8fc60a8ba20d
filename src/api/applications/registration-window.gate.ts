import { Inject, Injectable } from '@nestjs/common';
import { registrationWithoutWindow, type Config } from '../../config/config';
import type { AuditRepository } from '../../db/audit-repository';
import { RegistrationWindowError, RuleViolationError } from '../../domain/errors';
import type { ApplicationForm } from '../../domain/forms/application-form';
import { violation } from '../../domain/forms/violations';
import { actorOf } from '../../domain/principal';
import { windowVerdict, type RegistrationWindow } from '../../domain/registration-window';
import { originOf } from '../audit/request-trail';
import type { CallerContext } from '../auth/caller';
import { API_CONFIG, AUDIT } from '../injection-tokens';

/** A submission the window let in late: the staff's reason goes to the audit log. */
export interface LateEntry {
  readonly window: RegistrationWindow;
  readonly reason: string;
}

/**
 * The county's registration window at submission (domain/registration-window.ts): refuses with
 * 409 and the window's dates, or lets registration-point staff enter a late case with a reason.
 */
@Injectable()
export class RegistrationWindowGate {
  constructor(
    @Inject(AUDIT) private readonly audit: AuditRepository,
    @Inject(API_CONFIG) private readonly config: Config,
  ) {}

  /**
   * Throws when the form may not be submitted now under the county's window for its stage (read
   * with the rest of intake's reference data); a late entry when staff enter it late.
   */
  admit(
    form: ApplicationForm,
    caller: CallerContext,
    window: RegistrationWindow | null,
  ): LateEntry | null {
    const byStaff = caller.principal.role === 'STAFF';
    if (form.lateEntryReason !== undefined && !byStaff)
      throw new RuleViolationError([violation('lateEntryReason', 'CHANNEL_NOT_ALLOWED')]);
    const verdict = windowVerdict(window, new Date(), registrationWithoutWindow(this.config), {
      byStaff,
      reason: form.lateEntryReason,
    });
    if (verdict.kind === 'REFUSE') throw new RegistrationWindowError(verdict.code, verdict.window);
    return verdict.kind === 'LATE_ENTRY'
      ? { window: verdict.window, reason: form.lateEntryReason ?? '' }
      : null;
  }

  /** Once the case exists: who entered it late, and why, in the append-only audit log. */
  recordLateEntry(
    applicationNo: string,
    form: ApplicationForm,
    caller: CallerContext,
    late: LateEntry,
  ) {
    return this.audit.append({
      actor: actorOf(caller.principal),
      role: caller.principal.role,
      countyCode: form.countyCode,
      action: 'LATE_ENTRY',
      applicationNo,
      beforeStatus: null,
      afterStatus: 'SUBMITTED',
      reason: late.reason,
      ...originOf(caller.trail),
      details: { closesAt: late.window.closesAt.toISOString() },
    });
  }
}
