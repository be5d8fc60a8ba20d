import { Prisma } from '../generated/prisma/client';
import { FINAL_STATUSES, type EnrolmentStatus } from '../domain/enrolment';
import type { Db } from './prisma-client';

/** One failed attempt of a case's activity, as the worker's interceptor records it. */
export interface FailedAttempt {
  readonly workflowId: string;
  readonly runId: string;
  readonly activityId: string;
  readonly applicationNo: string;
  readonly activityType: string;
  readonly attempt: number;
  readonly errorType: string;
  readonly failure: string;
  readonly failedAt: Date;
  readonly nextAttemptAt: Date | null;
  readonly givesUpAt: Date | null;
}

/** Which failing cases to list or count: the console's scope and filters. */
export interface FailingFilter {
  /** Counties in scope; null for all of them. */
  readonly counties: readonly string[] | null;
  /** A case counts when one of its activities is pending on this attempt or later. */
  readonly minAttempts: number;
  readonly status?: EnrolmentStatus;
  readonly stage?: string;
  readonly overdue?: boolean;
}

export interface FailingCase {
  readonly applicationNo: string;
  readonly workflowId: string;
  readonly runId: string;
  readonly status: EnrolmentStatus;
  readonly countyCode: string;
  readonly stage: 'PRIMARY_1' | 'JUNIOR_1';
  readonly statusChangedAt: Date;
  readonly reviewOverdue: boolean;
  readonly activities: readonly {
    readonly activityType: string;
    /** The attempt pending now (the failed one + 1), as Temporal's describe counts it. */
    readonly attempt: number;
    readonly failure: string;
    readonly nextAttemptAt: string | null;
  }[];
}

/**
 * The failing-activity projection (issue 18): written by every worker as attempts fail and
 * succeed, read by the operations console. A row counts only while the read model follows its run,
 * the case is not over and Temporal has not yet given up on the activity, so rows left behind by a
 * reset, a closed case or an exhausted budget never show.
 */
export class FailingActivityRepository {
  constructor(private readonly db: Db) {}

  async record(attempt: FailedAttempt): Promise<void> {
    const { workflowId, activityId, ...rest } = attempt;
    await this.db.failingActivity.upsert({
      where: { workflowId_activityId: { workflowId, activityId } },
      create: attempt,
      update: rest,
    });
  }

  async clear(workflowId: string, activityId: string): Promise<void> {
    await this.db.failingActivity.deleteMany({ where: { workflowId, activityId } });
  }

  /** An operator ran these activities again from attempt 1: their failures so far are history. */
  async clearRetried(workflowId: string, activityIds: readonly string[]): Promise<void> {
    await this.db.failingActivity.deleteMany({
      where: { workflowId, activityId: { in: [...activityIds] } },
    });
  }

  async count(filter: FailingFilter): Promise<number> {
    const [row] = await this.db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (${this.failingCases(filter)}) AS failing`;
    return Number(row?.n ?? 0);
  }

  /** A page of failing cases in application-number order, after `after`. */
  async page(filter: FailingFilter, limit: number, after?: string): Promise<FailingCase[]> {
    const cases = this.failingCases(filter, after);
    const rows = await this.db.$queryRaw<RawFailingCase[]>`
      SELECT a.application_no, a.workflow_id, a.run_id, a.status::text AS status, a.county_code,
             a.stage::text AS stage, a.status_changed_at, a.review_overdue,
             json_agg(json_build_object(
               'activityType', f.activity_type, 'attempt', f.attempt + 1, 'failure', f.failure,
               'nextAttemptAt', to_char(f.next_attempt_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
             ) ORDER BY f.activity_id) AS activities
      FROM (${cases} ORDER BY application_no LIMIT ${limit}) AS c
      JOIN application a ON a.application_no = c.application_no
      JOIN failing_activity f ON f.application_no = a.application_no AND f.run_id = a.run_id
      ${LIVE_ROW}
      GROUP BY a.application_no
      ORDER BY a.application_no`;
    return rows.map((r) => ({
      applicationNo: r.application_no,
      workflowId: r.workflow_id,
      runId: r.run_id,
      status: r.status,
      countyCode: r.county_code,
      stage: r.stage,
      statusChangedAt: r.status_changed_at,
      reviewOverdue: r.review_overdue,
      activities: r.activities,
    }));
  }

  /** Application numbers of the failing cases the filter selects (a subquery). */
  private failingCases(filter: FailingFilter, after?: string): Prisma.Sql {
    const clauses = [Prisma.sql`a.status::text NOT IN (${Prisma.join(FINAL_STATUSES)})`];
    if (filter.counties)
      clauses.push(
        filter.counties.length
          ? Prisma.sql`a.county_code IN (${Prisma.join(filter.counties)})`
          : Prisma.sql`FALSE`,
      );
    if (filter.status) clauses.push(Prisma.sql`a.status::text = ${filter.status}`);
    if (filter.stage) clauses.push(Prisma.sql`a.stage::text = ${filter.stage}`);
    if (filter.overdue !== undefined)
      clauses.push(Prisma.sql`a.review_overdue = ${filter.overdue}`);
    if (after) clauses.push(Prisma.sql`a.application_no > ${after}`);
    return Prisma.sql`
      SELECT a.application_no
      FROM failing_activity f
      JOIN application a ON a.application_no = f.application_no AND a.run_id = f.run_id
      ${LIVE_ROW} AND ${Prisma.join(clauses, ' AND ')}
      GROUP BY a.application_no
      HAVING max(f.attempt) + 1 >= ${filter.minAttempts}`;
  }
}

/** Temporal still retries the activity (timestamps are stored in UTC). */
const LIVE_ROW = Prisma.sql`WHERE (f.gives_up_at IS NULL OR f.gives_up_at > (now() AT TIME ZONE 'UTC'))`;

interface RawFailingCase {
  application_no: string;
  workflow_id: string;
  run_id: string;
  status: EnrolmentStatus;
  county_code: string;
  stage: 'PRIMARY_1' | 'JUNIOR_1';
  status_changed_at: Date;
  review_overdue: boolean;
  activities: FailingCase['activities'];
}
