import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '../../config/config';
import type { ConsentRepository } from '../../db/consent-repository';
import type { IntakeRepository } from '../../db/intake-repository';
import type { ReferenceDataRepository } from '../../db/reference-data-repository';
import { canReadCase, type CaseScope } from '../../domain/case-access';
import {
  DuplicateApplicationError,
  LiveCaseLimitError,
  NotTheGuardianError,
  RuleViolationError,
} from '../../domain/errors';
import type { ApplicationForm } from '../../domain/forms/application-form';
import { violation } from '../../domain/forms/violations';
import { namesGuardian } from '../../domain/application-identity';
import { coversCounty } from '../../domain/principal';
import type { CallerContext } from '../auth/caller';
import { CaseGateway } from '../cases/case-gateway';
import { API_CONFIG, CONSENT, INTAKE, REFERENCE_DATA } from '../injection-tokens';

/** Who submits: the case's owning account, or the registration point that entered it. */
export interface Submitter {
  readonly ownerSub: string | null;
  readonly registrationPointId: string | null;
}

/**
 * The rules a submission passes before anything is stored (issue 13): who may submit through which
 * channel and for which child, how many live cases an account may hold, and what a duplicate tells.
 */
@Injectable()
export class IntakeGuards {
  constructor(
    @Inject(INTAKE) private readonly intake: IntakeRepository,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceDataRepository,
    @Inject(CONSENT) private readonly consent: ConsentRepository,
    @Inject(API_CONFIG) private readonly config: Config,
    private readonly cases: CaseGateway,
  ) {}

  /**
   * Families submit online, for a child whose form names them as a guardian (the platform's
   * real-name key); staff enter offline forms for their point's county, having seen the booklet.
   */
  async submitter(form: ApplicationForm, caller: CallerContext): Promise<Submitter> {
    const { principal } = caller;
    const online = form.channel === 'ONLINE_WEB' || form.channel === 'ONLINE_MOBILE';
    switch (principal.role) {
      case 'PARENT':
        if (!online) throw new RuleViolationError([violation('channel', 'CHANNEL_NOT_ALLOWED')]);
        this.requireGuardian(form, principal.guardianKey);
        return { ownerSub: principal.sub, registrationPointId: null };
      case 'PLATFORM': {
        if (!online) throw new RuleViolationError([violation('channel', 'CHANNEL_NOT_ALLOWED')]);
        const family = await this.cases.vouchedFamily(caller);
        if (!family)
          throw new RuleViolationError([violation('X-Family-Token', 'FAMILY_TOKEN_REQUIRED')]);
        this.requireGuardian(form, family.guardianKey);
        return { ownerSub: family.sub, registrationPointId: null };
      }
      case 'STAFF': {
        if (form.channel !== 'OFFLINE')
          throw new RuleViolationError([violation('channel', 'CHANNEL_NOT_ALLOWED')]);
        const point = principal.pointId
          ? await this.reference.registrationPoint(principal.pointId)
          : null;
        if (
          !point ||
          point.countyCode !== form.countyCode ||
          !coversCounty(principal, form.countyCode)
        ) {
          throw new RuleViolationError([violation('countyCode', 'POINT_NOT_IN_COUNTY')]);
        }
        const paperForm = form.consent.paperForm?.documentSha256;
        if (paperForm && !(await this.consent.hasForm(point.id, paperForm))) {
          throw new RuleViolationError([
            violation('consent.paperForm.documentSha256', 'CONSENT_FORM_UNKNOWN'),
          ]);
        }
        return { ownerSub: null, registrationPointId: point.id };
      }
      default:
        throw new RuleViolationError([violation('channel', 'CHANNEL_NOT_ALLOWED')]);
    }
  }

  /**
   * An account at its cap of live cases is refused before a number is claimed; otherwise the
   * case's slot is held until its row counts it (the read model's first write hands it over) or
   * the returned release gives it back.
   */
  async reserveRoomForCase(
    { ownerSub }: Submitter,
    workflowId: string,
  ): Promise<() => Promise<void>> {
    if (!ownerSub) return () => Promise.resolve();
    const { reserved, limit } = await this.intake.reserveLiveCase(ownerSub, workflowId);
    if (!reserved) throw new LiveCaseLimitError(limit);
    return () => this.intake.releaseLiveCase(ownerSub, workflowId);
  }

  /** The child's existing case, if any, as the duplicate rule reads it. */
  existingCase(workflowId: string) {
    return this.intake.existingCase(workflowId);
  }

  /**
   * The conflict with an existing case: its number only for whoever may read that case (the
   * same account, county staff); for anyone else neither number nor county, only the way out.
   */
  duplicateOf(
    existing: (CaseScope & { applicationNo: string }) | null,
    caller: CallerContext,
    submitter: Submitter,
    options?: ErrorOptions,
  ): DuplicateApplicationError {
    const mayKnow =
      existing !== null && canReadCase(caller.principal, existing, submitter.ownerSub ?? undefined);
    return new DuplicateApplicationError(mayKnow ? existing.applicationNo : null, options);
  }

  private requireGuardian(form: ApplicationForm, guardianKey: string | undefined): void {
    if (!namesGuardian(form, guardianKey, this.config.GUARDIAN_KEY_SECRET))
      throw new NotTheGuardianError();
  }
}
