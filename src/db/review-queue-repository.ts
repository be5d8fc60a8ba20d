import { Prisma } from '../generated/prisma/client';
import type { CheckOutcome, EnrolmentStatus, Stage } from '../domain/enrolment';
import type { Sealer } from '../encryption/sealer';
import type { Db } from './prisma-client';

export interface QueueFilter {
  /** null: all of Guangxi. */
  readonly counties: readonly string[] | null;
  readonly statuses: readonly EnrolmentStatus[];
  readonly stage?: Stage;
  readonly schoolId?: string;
  readonly tier?: number;
  readonly outcome?: CheckOutcome;
  readonly overdue?: boolean;
  readonly sort: 'submitted' | 'waiting';
  /** Keyset cursor: the sort value and application number of the last row seen. */
  readonly after?: { readonly at: Date; readonly applicationNo: string };
  readonly limit: number;
}

export interface QueueRow {
  readonly application_no: string;
  readonly status: EnrolmentStatus;
  readonly stage: Stage;
  readonly county_code: string;
  readonly child_name: string;
  readonly submitted_at: Date;
  readonly status_changed_at: Date;
  readonly review_overdue: boolean;
  readonly first_choice: string | null;
  readonly first_choice_tier: number | null;
  readonly checks: string[] | null;
}

export interface StatusCount {
  readonly countyCode: string;
  readonly stage: Stage;
  readonly status: EnrolmentStatus;
  readonly cases: number;
  /** Of these, still awaiting review past the SLA (the stored flag stays set after the review). */
  readonly overdue: number;
}

/** The reviewers' queue over the read model: filtered, in a stable order, a page at a time. */
export class ReviewQueueRepository {
  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
  ) {}

  /** A page of the queue, the children's names opened. */
  async page(filter: QueueFilter): Promise<QueueRow[]> {
    const sortColumn =
      filter.sort === 'waiting' ? Prisma.sql`a.status_changed_at` : Prisma.sql`a.submitted_at`;
    const conditions = [
      filter.counties ? Prisma.sql`a.county_code = ANY(${[...filter.counties]})` : undefined,
      Prisma.sql`a.status::text = ANY(${[...filter.statuses]})`,
      filter.stage ? Prisma.sql`a.stage::text = ${filter.stage}` : undefined,
      filter.schoolId
        ? Prisma.sql`e.schools @> ${JSON.stringify([{ schoolId: filter.schoolId }])}::jsonb`
        : undefined,
      filter.tier !== undefined
        ? Prisma.sql`(e.schools->0->>'tier')::float = ${filter.tier}`
        : undefined,
      filter.outcome
        ? Prisma.sql`EXISTS (SELECT 1 FROM verification_result v WHERE v.application_no = a.application_no AND v.outcome::text = ${filter.outcome})`
        : undefined,
      filter.overdue !== undefined ? Prisma.sql`a.review_overdue = ${filter.overdue}` : undefined,
      filter.after
        ? Prisma.sql`(${sortColumn}, a.application_no) > (${filter.after.at}, ${filter.after.applicationNo})`
        : undefined,
    ].filter((c): c is Prisma.Sql => c !== undefined);
    const rows = await this.db.$queryRaw<QueueRow[]>`
      SELECT a.application_no, a.status, a.stage, a.county_code, a.child_name, a.submitted_at, a.status_changed_at,
             a.review_overdue, e.schools->0->>'schoolId' AS first_choice, (e.schools->0->>'tier')::float AS first_choice_tier,
             (SELECT array_agg(v.check || ':' || v.outcome ORDER BY v.check) FROM verification_result v WHERE v.application_no = a.application_no) AS checks
      FROM application a LEFT JOIN eligibility_assessment e ON e.application_no = a.application_no
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY ${sortColumn}, a.application_no
      LIMIT ${filter.limit}`;
    return Promise.all(
      rows.map(async (r) => ({ ...r, child_name: await this.sealer.open(r.child_name) })),
    );
  }

  /** Cases per status in some counties (all of them when `counties` is null). */
  async counts(
    counties: readonly string[] | null,
  ): Promise<{ byStatus: Record<string, number>; overdue: number }> {
    const where = counties ? Prisma.sql`county_code = ANY(${[...counties]})` : Prisma.sql`TRUE`;
    const rows = await this.db.$queryRaw<{ status: string; n: bigint; overdue: bigint }[]>`
      SELECT status::text AS status, count(*) AS n, count(*) FILTER (WHERE review_overdue) AS overdue
      FROM application WHERE ${where} GROUP BY status ORDER BY status`;
    return {
      byStatus: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
      overdue: rows.reduce((sum, r) => sum + Number(r.overdue), 0),
    };
  }

  /** Every county's applications per stage and status, for the metrics. */
  async statusCounts(): Promise<StatusCount[]> {
    const rows = await this.db.$queryRaw<
      { county_code: string; stage: Stage; status: EnrolmentStatus; n: bigint; overdue: bigint }[]
    >`
      SELECT county_code, stage::text AS stage, status::text AS status, count(*) AS n,
             count(*) FILTER (WHERE review_overdue AND status = 'AWAITING_REVIEW') AS overdue
      FROM application GROUP BY county_code, stage, status ORDER BY county_code, stage, status`;
    return rows.map((r) => ({
      countyCode: r.county_code,
      stage: r.stage,
      status: r.status,
      cases: Number(r.n),
      overdue: Number(r.overdue),
    }));
  }
}
