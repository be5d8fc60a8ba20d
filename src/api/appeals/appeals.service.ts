import { Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isAppealable } from '../../domain/appeals';
import { canDecideCase, canWithdrawCase } from '../../domain/case-access';
import { AppealWindowClosedError, InvalidTransitionError } from '../../domain/errors';
import { actorOf } from '../../domain/principal';
import type { AppealDecisionFields } from '../../domain/review-schema';
import {
  decideAppealUpdate,
  FAILURE_TYPES,
  fileAppealUpdate,
  type TransitionResult,
} from '../../contract';
import type { CallerContext } from '../auth/caller';
import { CaseGateway } from '../cases/case-gateway';

/** Appeals (复核, domain/appeals.ts): the family asks, a county reviewer answers. */
@Injectable()
export class AppealsService {
  constructor(private readonly cases: CaseGateway) {}

  /** The family's own act, like a withdrawal: directly or through the platform. */
  async file(
    applicationNo: string,
    caller: CallerContext,
    reason: string,
  ): Promise<TransitionResult> {
    const row = await this.cases.find(applicationNo, caller, canWithdrawCase);
    if (!isAppealable(row.status)) throw new InvalidTransitionError('APPEAL', row.status);
    // The family's words are personal: they stay in the sealed case record, not the audit log.
    return this.cases.update(row, caller, { action: 'APPEAL' }, async (handle) => {
      try {
        return await handle.executeUpdate(fileAppealUpdate, {
          args: [{ actor: actorOf(caller.principal), reason }],
        });
      } catch (error) {
        if (windowClosed(error)) throw new AppealWindowClosedError(row.status, { cause: error });
        throw error;
      }
    });
  }

  async decide(
    applicationNo: string,
    caller: CallerContext,
    decision: AppealDecisionFields,
  ): Promise<TransitionResult> {
    const row = await this.cases.find(applicationNo, caller, canDecideCase);
    return this.cases.update(
      row,
      caller,
      { action: `APPEAL_${decision.decision}`, reason: decision.reason },
      (handle) =>
        handle.executeUpdate(decideAppealUpdate, {
          args: [{ ...decision, reviewerId: actorOf(caller.principal) }],
        }),
    );
  }
}

/**
 * The case refused the appeal as late, or its run has closed: a result's run stays open exactly
 * as long as it may be appealed (cases decided before appeals existed close at once).
 */
function windowClosed(error: unknown): boolean {
  if (error instanceof WorkflowNotFoundError) return true;
  return (
    error instanceof WorkflowUpdateFailedError &&
    error.cause instanceof ApplicationFailure &&
    error.cause.type === FAILURE_TYPES.appealWindowClosed
  );
}
