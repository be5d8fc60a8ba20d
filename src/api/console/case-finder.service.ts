import { Inject, Injectable } from '@nestjs/common';
import { temporalRunUrl, type Config } from '../../config/config';
import type { ApplicationRepository } from '../../db/application-repository';
import type { FailingActivityRepository, FailingCase } from '../../db/failing-activity-repository';
import {
  problemsOf,
  type Problem,
  type ProblemThresholds,
} from '../../domain/case-history/problems';
import type { EnrolmentStatus } from '../../domain/enrolment';
import { RuleViolationError } from '../../domain/errors';
import { maskByShape } from '../../domain/masking';
import { violation } from '../../domain/forms/violations';
import { countiesInScope, type Principal } from '../../domain/principal';
import type { CaseRuns, RunRef } from '../../case-runs/case-runs';
import { mapLimit } from '../../case-runs/map-limit';
import { openPageToken, sealPageToken } from '../../case-runs/page-token';
import { visibilityQuery } from '../../case-runs/visibility-query';
import {
  API_CONFIG,
  APPLICATION_REPOSITORY,
  CASE_RUNS,
  FAILING_ACTIVITIES,
} from '../injection-tokens';

/** Describes in flight at once while scanning a page: the frontend serves the workers too. */
const DESCRIBE_CONCURRENCY = 8;
/** What a failing-activity page token continues (sealed like a visibility one). */
const FAILING_PAGE = 'failing-activity';

export interface FindQuery extends ProblemThresholds {
  readonly status?: EnrolmentStatus;
  readonly countyCode?: string;
  readonly stage?: 'PRIMARY_1' | 'JUNIOR_1';
  readonly problem?: Problem;
  readonly overdue?: boolean;
  readonly limit: number;
  readonly pageToken?: string;
}

/**
 * Finding stuck cases (DESIGN.md §7), in the operator's counties. Failing activities come from the
 * worker's projection (issue 18) and the read model, so counting and listing them costs no call
 * per running case; other filters page through Temporal's visibility and describe the page's runs.
 */
@Injectable()
export class CaseFinderService {
  constructor(
    @Inject(CASE_RUNS) private readonly runs: CaseRuns,
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(API_CONFIG) private readonly config: Config,
    @Inject(FAILING_ACTIVITIES) private readonly failing: FailingActivityRepository,
  ) {}

  async find(principal: Principal, query: FindQuery) {
    const counties = countiesInScope(principal, query.countyCode);
    if (query.problem === 'ACTIVITY_FAILING') return this.findFailing(counties, query);
    const visibility = visibilityQuery({
      ...query,
      counties,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
    });
    let token: Uint8Array | undefined;
    if (query.pageToken) {
      token =
        openPageToken(this.config.PAGE_TOKEN_SECRET, visibility, query.pageToken) ?? undefined;
      if (!token) throw new RuleViolationError([violation('pageToken', 'BAD_FORMAT')]);
    }
    const page = await this.runs.list(visibility, query.limit, token);
    const cases = await this.vitals(page.runs, query);
    return {
      items: cases.filter((c) => (query.problem ? c.problems.includes(query.problem) : true)),
      scanned: page.runs.length,
      nextPageToken: page.nextPageToken
        ? sealPageToken(this.config.PAGE_TOKEN_SECRET, visibility, page.nextPageToken)
        : null,
    };
  }

  /**
   * Cases per status, and open cases per problem: failing activities from the projection, overdue
   * and long-in-state from the read model. A failing workflow task shows only in the list (it
   * needs a describe per run; Temporal 1.29 has no search attribute for it).
   */
  async counts(principal: Principal, query: ProblemThresholds & { countyCode?: string }) {
    const counties = countiesInScope(principal, query.countyCode);
    const running = visibilityQuery({ counties, taskQueue: this.config.TEMPORAL_TASK_QUEUE });
    const since = new Date(Date.now() - query.minHoursInState * 3_600_000);
    const [byStatus, runningCount, failing, open] = await Promise.all([
      this.applications.statusCounts(counties),
      this.runs.count(running),
      this.failing.count({ counties, minAttempts: query.minAttempts }),
      this.applications.openProblemCounts(counties, since),
    ]);
    return {
      byStatus,
      running: runningCount,
      byProblem: { ACTIVITY_FAILING: failing, ...open },
    };
  }

  /** A page of cases with a failing activity, from the projection; the token is the last number. */
  private async findFailing(counties: readonly string[] | null, query: FindQuery) {
    const filter = {
      counties,
      minAttempts: query.minAttempts,
      ...(query.status && { status: query.status }),
      ...(query.stage && { stage: query.stage }),
      ...(query.overdue !== undefined && { overdue: query.overdue }),
    };
    const scope = `${FAILING_PAGE}\n${JSON.stringify({ ...filter, m: query.minHoursInState })}`;
    let after: string | undefined;
    if (query.pageToken) {
      const opened = openPageToken(this.config.PAGE_TOKEN_SECRET, scope, query.pageToken);
      if (!opened) throw new RuleViolationError([violation('pageToken', 'BAD_FORMAT')]);
      after = Buffer.from(opened).toString('utf8');
    }
    const cases = await this.failing.page(filter, query.limit, after);
    const last = cases.at(-1)?.applicationNo;
    return {
      items: cases.map((c) => this.failingItem(c, query)),
      scanned: cases.length,
      nextPageToken:
        last && cases.length === query.limit
          ? sealPageToken(this.config.PAGE_TOKEN_SECRET, scope, Buffer.from(last, 'utf8'))
          : null,
    };
  }

  private failingItem(c: FailingCase, thresholds: ProblemThresholds) {
    const run = { workflowId: c.workflowId, runId: c.runId };
    return {
      applicationNo: c.applicationNo,
      ...run,
      status: c.status,
      countyCode: c.countyCode,
      stage: c.stage,
      inStatusSince: c.statusChangedAt.toISOString(),
      reviewOverdue: c.reviewOverdue,
      problems: problemsOf(
        {
          pendingActivities: c.activities,
          workflowTaskAttempt: 0,
          reviewOverdue: c.reviewOverdue,
          statusChangedAt: c.statusChangedAt,
        },
        thresholds,
        new Date(),
      ),
      failingActivities: c.activities.map((a) => ({
        activityType: a.activityType,
        attempt: a.attempt,
        lastFailure: a.failure,
        nextAttemptAt: a.nextAttemptAt,
      })),
      // Not looked at: the run is not described (the inspect view does).
      workflowTaskAttempt: null,
      links: { temporalUi: temporalRunUrl(this.config, run, 'history') },
    };
  }

  private async vitals(runs: readonly RunRef[], thresholds: ProblemThresholds) {
    const rows = await this.applications.latestForWorkflows(runs.map((r) => r.workflowId));
    const now = new Date();
    return mapLimit(runs, DESCRIBE_CONCURRENCY, async (run) => {
      const row = rows.get(run.workflowId);
      const live = await this.runs.describe(run);
      const failing = live.pendingActivities.filter((a) => a.attempt > 1 || a.lastFailure);
      return {
        applicationNo: row?.applicationNo ?? null,
        workflowId: run.workflowId,
        runId: run.runId,
        status: row?.status ?? null,
        countyCode: row?.countyCode ?? null,
        stage: row?.stage ?? null,
        inStatusSince: row?.statusChangedAt.toISOString() ?? null,
        reviewOverdue: row?.reviewOverdue ?? false,
        problems: problemsOf(
          {
            ...live,
            reviewOverdue: row?.reviewOverdue ?? false,
            statusChangedAt: row?.statusChangedAt ?? null,
          },
          thresholds,
          now,
        ),
        failingActivities: failing.map((a) => ({
          activityType: a.activityType,
          attempt: a.attempt,
          // A list is always masked: an auditor reads a case's failures unmasked in inspect.
          lastFailure: a.lastFailure && maskByShape(a.lastFailure),
          nextAttemptAt: a.nextAttemptAt,
        })),
        workflowTaskAttempt: live.workflowTaskAttempt,
        links: { temporalUi: temporalRunUrl(this.config, run, 'history') },
      };
    });
  }
}
