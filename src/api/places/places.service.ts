import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/client';
import { canWithdrawCase } from '../../domain/case-access';
import { actorOf } from '../../domain/principal';
import { answerOfferUpdate, answerPlaceUpdate, type TransitionResult } from '../../contract';
import type { CallerContext } from '../auth/caller';
import { CaseGateway } from '../cases/case-gateway';

/**
 * The family's answers about its place (报到确认) and a waitlist offer (递补), both its own acts
 * like a withdrawal: directly or through the platform. The case's run decides whether each is
 * still possible (a 409 names the current status when not).
 */
@Injectable()
export class PlacesService {
  constructor(private readonly cases: CaseGateway) {}

  answerPlace(applicationNo: string, caller: CallerContext, answer: 'CONFIRM' | 'DECLINE') {
    return this.answer(applicationNo, caller, answerPlaceUpdate, answer, 'PLACE');
  }

  answerOffer(applicationNo: string, caller: CallerContext, answer: 'ACCEPT' | 'DECLINE') {
    return this.answer(applicationNo, caller, answerOfferUpdate, answer, 'OFFER');
  }

  /** Sends the answer to the case's run; the audit entry names it, e.g. `DECLINE_OFFER`. */
  private async answer<A extends string>(
    applicationNo: string,
    caller: CallerContext,
    update: UpdateDefinition<TransitionResult, [{ answer: A; actor: string }]>,
    answer: A,
    subject: 'PLACE' | 'OFFER',
  ): Promise<TransitionResult> {
    const row = await this.cases.find(applicationNo, caller, canWithdrawCase);
    return this.cases.update(row, caller, { action: `${answer}_${subject}` }, (handle) =>
      handle.executeUpdate(update, { args: [{ answer, actor: actorOf(caller.principal) }] }),
    );
  }
}
