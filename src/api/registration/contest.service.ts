import { Inject, Injectable } from '@nestjs/common';
import type { CaseRuns } from '../../case-runs/case-runs';
import type { Config } from '../../config/config';
import type { ApplicationRepository } from '../../db/application-repository';
import type { IntakeRepository } from '../../db/intake-repository';
import type { ReferenceDataRepository } from '../../db/reference-data-repository';
import { childKey, enrolmentWorkflowId } from '../../domain/application-identity';
import { FINAL_STATUSES, type Stage } from '../../domain/enrolment';
import { ForbiddenError, InvalidTransitionError, NotFoundError } from '../../domain/errors';
import { actorOf, coversCounty } from '../../domain/principal';
import { CONTESTED_REASON } from '../../domain/timeline-reasons';
import type { CallerContext } from '../auth/caller';
import { CaseGateway, type CaseRow } from '../cases/case-gateway';
import { statusAfterCancel } from '../console/poll-until';
import {
  API_CONFIG,
  APPLICATION_REPOSITORY,
  CASE_RUNS,
  INTAKE,
  REFERENCE_DATA,
} from '../injection-tokens';

/**
 * A family contests a case filed for its child by someone else (issue 13): at a registration point,
 * staff look the child up from the household booklet, see the conflicting case if it is in their
 * point's county, and, having checked the booklet, cancel it through its workflow, which tells the
 * account that filed it. Every look and every cancellation is audited.
 */
@Injectable()
export class ContestService {
  constructor(
    private readonly cases: CaseGateway,
    @Inject(INTAKE) private readonly intake: IntakeRepository,
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceDataRepository,
    @Inject(CASE_RUNS) private readonly runs: CaseRuns,
    @Inject(API_CONFIG) private readonly config: Config,
  ) {}

  async conflict(
    query: { seasonYear: number; stage: Stage; childIdNumber: string },
    caller: CallerContext,
  ) {
    const key = childKey(this.config.CHILD_KEY_SECRET, query.childIdNumber);
    const existing = await this.intake.existingCase(
      enrolmentWorkflowId(query.seasonYear, query.stage, key),
    );
    if (!existing || FINAL_STATUSES.includes(existing.status)) throw new NotFoundError('live case');
    const row = await this.atCallersPoint(existing.applicationNo, caller);
    await this.cases.record(row, caller, { action: 'CONTEST_VIEW', afterStatus: row.status });
    const relation = row.verifications.find((v) => v.check === 'RELATION');
    return {
      applicationNo: row.applicationNo,
      status: row.status,
      countyCode: row.countyCode,
      channel: row.channel,
      submittedAt: row.submittedAt.toISOString(),
      filedOnline: row.ownerSub !== null,
      guardians: (row.statement as { guardians?: unknown }).guardians ?? [],
      relation: relation ? { outcome: relation.outcome, evidence: relation.evidence } : null,
    };
  }

  /** Cancels a live case filed from a family account, once staff checked the household booklet. */
  async cancel(applicationNo: string, reason: string, caller: CallerContext) {
    const row = await this.atCallersPoint(applicationNo, caller);
    if (FINAL_STATUSES.includes(row.status) || row.ownerSub === null)
      throw new InvalidTransitionError('CONTEST_CANCEL', row.status);
    const actor = actorOf(caller.principal);
    await this.runs.cancel(
      { workflowId: row.workflowId, runId: row.runId },
      { actor, reason: CONTESTED_REASON },
      actor,
    );
    const status = await statusAfterCancel(() => this.applications.statusOf(row.applicationNo));
    await this.cases.record(row, caller, {
      action: 'CONTEST_CANCEL',
      reason,
      afterStatus: status,
      details: { registrationPointId: caller.principal.pointId, householdBookletChecked: true },
    });
    return { applicationNo: row.applicationNo, from: row.status, status };
  }

  /** The case, if it is in the county of the caller's registration point (else not found). */
  private async atCallersPoint(applicationNo: string, caller: CallerContext): Promise<CaseRow> {
    const { principal } = caller;
    const point = principal.pointId
      ? await this.reference.registrationPoint(principal.pointId)
      : null;
    if (!point) throw new ForbiddenError('only staff of a registration point contest a case');
    return this.cases.find(
      applicationNo,
      caller,
      (p, scope) => scope.countyCode === point.countyCode && coversCounty(p, point.countyCode),
    );
  }
}
