import { Prisma } from '../generated/prisma/client';
import { FINAL_STATUSES } from '../domain/enrolment';
import { ANONYMISED } from '../domain/retention/policy';
import type { Db } from './prisma-client';

const FINAL = [...FINAL_STATUSES] as string[];
const MARKER_JSON = JSON.stringify({ anonymised: true });
/** An assessment's schools with each school's evidence emptied, in their order. */
const WITHOUT_EVIDENCE = Prisma.sql`COALESCE((
  SELECT jsonb_agg(school || '{"evidence": []}'::jsonb ORDER BY i)
  FROM jsonb_array_elements(schools) WITH ORDINALITY AS e(school, i)), '[]'::jsonb)`;

/** Closed cases of seasons up to `latestSeason` that still hold personal data. */
const dueCases = (latestSeason: number) => Prisma.sql`
  SELECT application_no FROM application
  WHERE anonymised_at IS NULL AND season_year <= ${latestSeason} AND status::text = ANY(${FINAL})`;

/**
 * Stored documents only these cases use: content-addressed storage can hold one file for several
 * cases, and a file another case still keeps stays.
 */
const documentsOnlyOf = (cases: readonly string[]) => Prisma.sql`
  SELECT DISTINCT a.storage_key FROM attachment a
  WHERE a.application_no = ANY(${cases})
    AND NOT EXISTS (
      SELECT 1 FROM attachment o
      WHERE o.storage_key = a.storage_key AND NOT (o.application_no = ANY(${cases})))`;

/**
 * What retention finds and changes in the read model. Anonymising overwrites every personal field
 * of a case with a marker and keeps what statistics need (county, stage, season, status, form
 * type, channel, tiers, the timeline's statuses and times); audit rows are never touched.
 */
export class RetentionRepository {
  constructor(private readonly db: Db) {}

  async countDue(latestSeason: number, idempotencyCutoff: Date) {
    const cases = (
      await this.db.$queryRaw<{ application_no: string }[]>(dueCases(latestSeason))
    ).map((r) => r.application_no);
    const [documents, audit, idempotency] = await Promise.all([
      this.db.$queryRaw<unknown[]>(documentsOnlyOf(cases)),
      this.db.auditLog.count({ where: { applicationNo: { in: cases } } }),
      this.db.idempotencyRecord.count({ where: { createdAt: { lt: idempotencyCutoff } } }),
    ]);
    return {
      casesAnonymised: cases.length,
      documentsDeleted: documents.length,
      idempotencyRecordsDeleted: idempotency,
      auditRowsKept: audit,
    };
  }

  /** A batch of due cases and the storage keys of the documents only they use. */
  async nextBatch(latestSeason: number, size: number) {
    const cases = (
      await this.db.$queryRaw<{ application_no: string }[]>`
        ${dueCases(latestSeason)} ORDER BY application_no LIMIT ${size}`
    ).map((r) => r.application_no);
    const documents = cases.length
      ? (await this.db.$queryRaw<{ storage_key: string }[]>(documentsOnlyOf(cases))).map(
          (r) => r.storage_key,
        )
      : [];
    return { cases, documents };
  }

  /** Overwrites the cases' personal fields, in one transaction; returns their audit rows' count. */
  async anonymise(cases: readonly string[], at: Date): Promise<number> {
    const all = [...cases];
    const statements = [
      Prisma.sql`UPDATE application SET
          child_name = ${ANONYMISED}, child_id_masked = ${ANONYMISED}, child_key = ${ANONYMISED},
          workflow_id = 'anonymised:' || application_no, owner_sub = NULL,
          submitted_by = ${ANONYMISED}, statement = ${MARKER_JSON}::jsonb,
          supplement_request = NULL, offline_check = NULL, appeal = NULL, anonymised_at = ${at}
        WHERE application_no = ANY(${all})`,
      Prisma.sql`UPDATE application_event SET
          actor = CASE WHEN actor LIKE 'parent:%' THEN ${ANONYMISED} ELSE actor END,
          reason = CASE WHEN reason IS NULL THEN NULL ELSE ${ANONYMISED} END
        WHERE application_no = ANY(${all})`,
      Prisma.sql`UPDATE verification_result SET evidence = ${MARKER_JSON}::jsonb
        WHERE application_no = ANY(${all})`,
      // The notes (a locked certificate's year and number) and each school's evidence go; the
      // tiers stay for statistics.
      Prisma.sql`UPDATE eligibility_assessment SET facts = ${MARKER_JSON}::jsonb, auto_fill = '[]'::jsonb,
          notes = '[]'::jsonb, schools = ${WITHOUT_EVIDENCE}
        WHERE application_no = ANY(${all})`,
      // Every earlier assessment too: its facts and confirmations hold addresses and numbers.
      Prisma.sql`UPDATE eligibility_assessment_version SET facts = ${MARKER_JSON}::jsonb,
          confirmations = '[]'::jsonb, notes = '[]'::jsonb, schools = ${WITHOUT_EVIDENCE}
        WHERE application_no = ANY(${all})`,
      Prisma.sql`UPDATE supplement SET items = '[]'::jsonb, actor = ${ANONYMISED}
        WHERE application_no = ANY(${all})`,
      Prisma.sql`UPDATE case_reset SET undone = ${MARKER_JSON}::jsonb
        WHERE application_no = ANY(${all})`,
      Prisma.sql`UPDATE consent_record SET
          actor = ${ANONYMISED}, withdrawn_by = CASE WHEN withdrawn_by IS NULL THEN NULL ELSE ${ANONYMISED} END
        WHERE application_no = ANY(${all})`,
      // The workflow id is the child's keyed hash: the number's claim and a round's list hold it too.
      Prisma.sql`UPDATE application_number_claim SET workflow_id = 'anonymised:' || application_no
        WHERE application_no = ANY(${all})`,
      // A round's frozen entry keeps what its draw ranked (verification recomputes from it), not
      // the certificate a placement would lock; the lock itself stays for its years.
      Prisma.sql`UPDATE admission_round_applicant SET workflow_id = 'anonymised:' || application_no,
          entry = jsonb_set(entry, '{certificateNo}', 'null'::jsonb)
        WHERE application_no = ANY(${all})`,
      Prisma.sql`DELETE FROM consent_form f USING attachment a
        WHERE a.application_no = ANY(${all}) AND f.storage_key = a.storage_key
          AND NOT EXISTS (SELECT 1 FROM attachment o
            WHERE o.storage_key = a.storage_key AND NOT (o.application_no = ANY(${all})))`,
      Prisma.sql`DELETE FROM attachment WHERE application_no = ANY(${all})`,
    ];
    return this.db.$transaction(async (tx) => {
      for (const statement of statements) await tx.$executeRaw(statement);
      return tx.auditLog.count({ where: { applicationNo: { in: all } } });
    });
  }

  async deleteIdempotencyRecords(cutoff: Date): Promise<number> {
    const { count } = await this.db.idempotencyRecord.deleteMany({
      where: { createdAt: { lt: cutoff } },
    });
    return count;
  }
}
