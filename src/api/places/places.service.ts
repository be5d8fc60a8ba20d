import { Injectable } from '@nestjs/common';
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

  async answerPlace(
    applicationNo: string,
    caller: CallerContext,
    answer: 'CONFIRM' | 'DECLINE',
  ): Promise<TransitionResult> {
    const row = await this.cases.find(applicationNo, caller, canWithdrawCase);
    return this.cases.update(row, caller, { action: `${answer}_PLACE` }, (handle) =>
      handle.executeUpdate(answerPlaceUpdate, {
        args: [{ answer, actor: actorOf(caller.principal) }],
      }),
    );
  }

  async answerOffer(
    applicationNo: string,
    caller: CallerContext,
    answer: 'ACCEPT' | 'DECLINE',
  ): Promise<TransitionResult> {
    const row = await this.cases.find(applicationNo, caller, canWithdrawCase);
    return this.cases.update(row, caller, { action: `${answer}_OFFER` }, (handle) =>
      handle.executeUpdate(answerOfferUpdate, {
        args: [{ answer, actor: actorOf(caller.principal) }],
      }),
    );
  }
}
