import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '../../config/config';
import type { EligibilityRepository } from '../../db/eligibility-repository';
import type { ReferenceDataRepository } from '../../db/reference-data-repository';
import type { QueueFilter, ReviewQueueRepository } from '../../db/review-queue-repository';
import { canDecideCase } from '../../domain/case-access';
import type { EnrolmentStatus } from '../../domain/enrolment';
import { RuleViolationError } from '../../domain/errors';
import { violation } from '../../domain/forms/violations';
import { actorOf, countiesInScope, type Principal } from '../../domain/principal';
import type { FactConfirmationFields } from '../../domain/eligibility/confirmations';
import { REPAIR_APPROVAL_ACTION } from '../../domain/separation-of-duties';
import type { SupplementItem } from '../../domain/review';
import { confirmedFactsText } from '../../domain/timeline-reasons';
import type { ReviewDecisionFields } from '../../domain/review-schema';
import {
  confirmFactsUpdate,
  confirmOfflineCheckUpdate,
  type FactsConfirmed,
  decideUpdate,
  requestSupplementUpdate,
  type TransitionResult,
} from '../../contract';
import { CaseGateway } from '../cases/case-gateway';
import type { CallerContext } from '../auth/caller';
import { settleEach } from '../settle-each';
import { API_CONFIG, ELIGIBILITY, REFERENCE_DATA, REVIEW_QUEUE } from '../injection-tokens';

const QUEUE_STATUSES: EnrolmentStatus[] = [
  'AWAITING_REVIEW',
  'AWAITING_OFFLINE_CHECK',
  'NEEDS_SUPPLEMENT',
];

interface Cursor {
  at: string;
  no: string;
}

/** What county reviewers do: their queue, their decisions, requests and offline confirmations. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly cases: CaseGateway,
    @Inject(REVIEW_QUEUE) private readonly queue: ReviewQueueRepository,
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceDataRepository,
    @Inject(API_CONFIG) private readonly config: Config,
    @Inject(ELIGIBILITY) private readonly eligibility: EligibilityRepository,
  ) {}

  async decide(
    applicationNo: string,
    caller: CallerContext,
    decision: ReviewDecisionFields,
  ): Promise<TransitionResult> {
    const row = await this.cases.find(applicationNo, caller, canDecideCase);
    return this.cases.update(
      row,
      caller,
      { action: decision.decision, reason: decision.reason ?? null },
      (handle) =>
        handle.executeUpdate(decideUpdate, {
          args: [{ ...decision, reviewerId: actorOf(caller.principal) }],
        }),
    );
  }

  /**
   * A reviewer's approval of a decision an operator is to deliver through the console (a reset that
   * replaces an earlier decision): recorded in the audit log, whose row id is the approval's.
   */
  async approveRepair(
    applicationNo: string,
    caller: CallerContext,
    decision: ReviewDecisionFields,
  ) {
    const row = await this.cases.find(applicationNo, caller, canDecideCase);
    const id = await this.cases.record(row, caller, {
      action: REPAIR_APPROVAL_ACTION,
      afterStatus: row.status,
      reason: decision.reason ?? null,
      details: { ...decision },
    });
    return { applicationNo: row.applicationNo, approvalId: String(id) };
  }

  async requestSupplement(
    applicationNo: string,
    caller: CallerContext,
    request: { items: string[]; note?: string; deadline?: string },
  ) {
    const row = await this.cases.find(applicationNo, caller, canDecideCase);
    const period =
      (await this.reference.countySettings(row.countyCode))?.supplementDeadlineMs ??
      this.config.SUPPLEMENT_DEADLINE_MS;
    const deadline = request.deadline ? new Date(request.deadline) : new Date(Date.now() + period);
    if (!(deadline.getTime() > Date.now()))
      throw new RuleViolationError([violation('deadline', 'DATE_IN_FUTURE')]);
    return this.cases.update(
      row,
      caller,
      { action: 'REQUEST_SUPPLEMENT', reason: request.note ?? request.items.join(', ') },
      (handle) =>
        handle.executeUpdate(requestSupplementUpdate, {
          args: [
            {
              items: request.items as SupplementItem[],
              ...(request.note && { note: request.note }),
              deadline: deadline.toISOString(),
              reviewerId: actorOf(caller.principal),
            },
          ],
        }),
    );
  }

  async confirmOfflineCheck(
    applicationNo: string,
    caller: CallerContext,
    confirmation: {
      registrationPointId: string;
      staffId: string;
      itemsSeen: string[];
      outcome: 'VERIFIED' | 'NOT_VERIFIED';
      confirms?: FactConfirmationFields[];
      note?: string;
    },
  ) {
    const row = await this.cases.find(applicationNo, caller, canDecideCase);
    return this.cases.update(
      row,
      caller,
      {
        action: 'CONFIRM_OFFLINE_CHECK',
        reason: `${confirmation.outcome} ${confirmation.note ?? ''}`.trim(),
      },
      (handle) =>
        handle.executeUpdate(confirmOfflineCheckUpdate, {
          args: [
            {
              ...confirmation,
              itemsSeen: confirmation.itemsSeen as SupplementItem[],
              reviewerId: actorOf(caller.principal),
            },
          ],
        }),
    );
  }

  /** Facts a supplement proves, or a reviewer's correction: the case is assessed again. */
  async confirmFacts(
    applicationNo: string,
    caller: CallerContext,
    confirmed: Omit<FactsConfirmed, 'reviewerId'>,
  ) {
    const row = await this.cases.find(applicationNo, caller, canDecideCase);
    return this.cases.update(
      row,
      caller,
      {
        action: 'CONFIRM_FACTS',
        reason: `${confirmed.source}: ${confirmedFactsText(confirmed.confirms)}${confirmed.note ? ` (${confirmed.note})` : ''}`,
      },
      (handle) =>
        handle.executeUpdate(confirmFactsUpdate, {
          args: [{ ...confirmed, reviewerId: actorOf(caller.principal) }],
        }),
    );
  }

  /** Every assessment of the case, oldest first, with what it rested on and why it was made. */
  async assessments(applicationNo: string, caller: CallerContext) {
    await this.cases.find(applicationNo, caller, canDecideCase);
    const versions = await this.eligibility.versions(applicationNo);
    return versions.map(({ applicationNo: _no, assessedAt, ...version }) => ({
      ...version,
      assessedAt: assessedAt.toISOString(),
    }));
  }

  /** Approves each case on its own, in order; one refusal does not stop the rest. */
  async batchApprove(applicationNos: string[], caller: CallerContext) {
    const settled = await settleEach(applicationNos, 1, (no) =>
      this.decide(no, caller, { decision: 'APPROVE' }),
    );
    const results = settled.map((r) =>
      r.ok ? { applicationNo: r.applicationNo, ok: true, status: r.result.status } : r,
    );
    return {
      approved: results.filter((r) => r.ok).length,
      failed: results.filter((r) => !r.ok).length,
      results,
    };
  }

  async page(
    principal: Principal,
    query: {
      status?: EnrolmentStatus;
      stage?: 'PRIMARY_1' | 'JUNIOR_1';
      countyCode?: string;
      school?: string;
      tier?: number;
      outcome?: 'MATCH' | 'MISMATCH' | 'NOT_FOUND' | 'UNAVAILABLE';
      overdue?: boolean;
      sort: 'submitted' | 'waiting';
      cursor?: string;
      limit: number;
    },
  ) {
    const counties = countiesInScope(principal, query.countyCode);
    let after: QueueFilter['after'];
    if (query.cursor) {
      try {
        const c = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as Cursor;
        after = { at: new Date(c.at), applicationNo: String(c.no) };
        if (Number.isNaN(after.at.getTime())) throw new Error('bad date');
      } catch {
        throw new RuleViolationError([violation('cursor', 'BAD_FORMAT')]);
      }
    }
    const rows = await this.queue.page({
      counties,
      statuses: query.status ? [query.status] : QUEUE_STATUSES,
      ...(query.stage && { stage: query.stage }),
      ...(query.school && { schoolId: query.school }),
      ...(query.tier !== undefined && { tier: query.tier }),
      ...(query.outcome && { outcome: query.outcome }),
      ...(query.overdue !== undefined && { overdue: query.overdue }),
      sort: query.sort,
      ...(after && { after }),
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    const nextCursor =
      rows.length > query.limit && last
        ? Buffer.from(
            JSON.stringify({
              at: (query.sort === 'waiting'
                ? last.status_changed_at
                : last.submitted_at
              ).toISOString(),
              no: last.application_no,
            }),
          ).toString('base64url')
        : null;
    return {
      items: items.map((r) => ({
        applicationNo: r.application_no,
        status: r.status,
        stage: r.stage,
        countyCode: r.county_code,
        childName: r.child_name,
        submittedAt: r.submitted_at.toISOString(),
        waitingSince: r.status_changed_at.toISOString(),
        overdue: r.review_overdue,
        firstChoice: r.first_choice,
        firstChoiceTier: r.first_choice_tier,
        checks: r.checks ?? [],
      })),
      nextCursor,
    };
  }

  counts(principal: Principal, countyCode?: string) {
    return this.queue.counts(countiesInScope(principal, countyCode));
  }
}
