import { Inject, Injectable } from '@nestjs/common';
import { temporalRunUrl, type Config } from '../../config/config';
import type { ApplicationRepository } from '../../db/application-repository';
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
import { API_CONFIG, APPLICATION_REPOSITORY, CASE_RUNS } from '../injection-tokens';

/** Describes in flight at once while scanning: the frontend serves the workers too. */
const DESCRIBE_CONCURRENCY = 8;
const COUNT_SCAN_LIMIT = 2000;

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
 * Finding stuck cases (DESIGN.md §7): Temporal's visibility and the live state of each run,
 * joined with the read model, in the operator's counties.
 */
@Injectable()
export class CaseFinderService {
  constructor(
    @Inject(CASE_RUNS) private readonly runs: CaseRuns,
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
    @Inject(API_CONFIG) private readonly config: Config,
  ) {}

  async find(principal: Principal, query: FindQuery) {
    const counties = countiesInScope(principal, query.countyCode);
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

  /** Cases per status (read model) and running cases per problem (a scan of live runs). */
  async counts(principal: Principal, query: ProblemThresholds & { countyCode?: string }) {
    const counties = countiesInScope(principal, query.countyCode);
    const running = visibilityQuery({ counties, taskQueue: this.config.TEMPORAL_TASK_QUEUE });
    const problems: Record<string, number> = {};
    let scanned = 0;
    let token: Uint8Array | undefined;
    do {
      const page = await this.runs.list(running, 200, token);
      for (const c of await this.vitals(page.runs, query))
        for (const p of c.problems) problems[p] = (problems[p] ?? 0) + 1;
      scanned += page.runs.length;
      token = page.nextPageToken ?? undefined;
    } while (token && scanned < COUNT_SCAN_LIMIT);
    return {
      byStatus: await this.applications.statusCounts(counties),
      running: await this.runs.count(running),
      byProblem: problems,
      scanned,
      complete: token === undefined,
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
