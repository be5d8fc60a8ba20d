import type { EnrolmentApplicationInput, TimelineEntry } from '../contract';
import { CURRENT_CONSENT_VERSION, purposesConsented } from '../domain/consent';
import { maskResidentId } from '../domain/resident-id';
import type { Sealer } from '../encryption/sealer';
import { PAPER_CONSENT_FILE_NAME } from './consent-repository';
import type { Db } from './prisma-client';
import { utcTimestamp } from './sql-values';

/**
 * 'created': this write made the case's row; 'followed': the row was there, of this run or
 * another; 'raced': another write's row committed while this one ran, so this statement's
 * snapshot could not read it (the caller records the step against it afresh).
 */
export type FirstWrite =
  | { readonly kind: 'created' }
  | { readonly kind: 'followed'; readonly runId: string }
  | { readonly kind: 'raced' };

/**
 * The case's first entry with everything a new case's row brings, in one statement (issue 18: at
 * the peak each round trip waits its turn for a core; this was a transaction of five):
 * - the row, personal fields sealed, unless a write of the API or the workflow made it first
 *   (INSERT … ON CONFLICT DO NOTHING, so the two race in any order);
 * - with a new row, its consent record and, offline, the signed paper form as an attachment;
 * - the entry, if the row is new or follows this run; the row's status, if it was there already;
 * - the account's live-case slot handed over: the row counts the case from now on.
 * The constraints are checked at the statement's end, so the consent and the entry may refer to
 * the row inserted beside them.
 */
export async function writeFirstEntry(
  db: Db,
  sealer: Sealer,
  application: EnrolmentApplicationInput,
  run: { workflowId: string; runId: string },
  entry: TimelineEntry,
): Promise<FirstWrite> {
  const { applicationNo, form } = application;
  const at = utcTimestamp(entry.at);
  const submittedAt = utcTimestamp(application.submittedAt);
  const paperSha = form.consent.paperForm?.documentSha256 ?? null;
  const [childName, statement] = await Promise.all([
    sealer.seal(form.child.name),
    sealer.seal(maskedStatement(form)),
  ]);
  const [written] = await db.$queryRaw<{ created: boolean; followed: string | null }[]>`
    WITH created AS (
      INSERT INTO application (application_no, workflow_id, run_id, owner_sub, submitted_by,
        registration_point_id, season_year, stage, county_code, form_type, channel, child_key,
        child_name, child_id_masked, statement, status, last_event_seq, status_changed_at,
        submitted_at, updated_at)
      VALUES (${applicationNo}, ${run.workflowId}, ${run.runId}, ${application.ownerSub},
        ${application.submittedBy}, ${application.registrationPointId}, ${form.seasonYear},
        ${form.stage}::"Stage", ${form.countyCode}, ${form.formType}::"FormType",
        ${form.channel}::"Channel", ${application.childKey}, ${childName},
        ${application.childIdMasked}, to_jsonb(${statement}::text),
        ${entry.to}::"EnrolmentStatus", ${entry.seq}, ${at}, ${submittedAt}, ${at})
      ON CONFLICT (application_no) DO NOTHING
      RETURNING application_no
    ), followed AS (
      SELECT run_id FROM application WHERE application_no = ${applicationNo}
    ), consent AS (
      INSERT INTO consent_record
        (application_no, text_version, purposes, channel, actor, given_at, paper_form_sha256)
      SELECT application_no, ${form.consent.textVersion ?? CURRENT_CONSENT_VERSION},
        ${purposesConsented(form.consent)}::text[], ${form.channel}::"Channel",
        ${application.submittedBy}, ${submittedAt}, ${paperSha}
      FROM created
    ), paper AS (
      INSERT INTO attachment
        (application_no, sha256, mime_type, size, file_name, storage_key, uploaded_by)
      SELECT c.application_no, f.sha256, f.mime_type, f.size, ${PAPER_CONSENT_FILE_NAME},
        f.storage_key, f.uploaded_by
      FROM created c JOIN consent_form f
        ON f.point_id = ${application.registrationPointId} AND f.sha256 = ${paperSha}
    ), step AS (
      INSERT INTO application_event
        (application_no, seq, from_status, to_status, actor, channel, reason, occurred_at)
      SELECT ${applicationNo}, ${entry.seq}, ${entry.from}::"EnrolmentStatus",
        ${entry.to}::"EnrolmentStatus", ${entry.actor}, ${entry.channel}, ${entry.reason}, ${at}
      WHERE EXISTS (SELECT 1 FROM created)
        OR EXISTS (SELECT 1 FROM followed WHERE run_id = ${run.runId})
      ON CONFLICT (application_no, seq) DO NOTHING
    ), moved AS (
      -- Reaches a row that was there before this statement only (a new one is invisible to it).
      UPDATE application SET status = ${entry.to}::"EnrolmentStatus",
        last_event_seq = ${entry.seq}, status_changed_at = ${at}, updated_at = ${at}
      WHERE application_no = ${applicationNo} AND run_id = ${run.runId}
        AND last_event_seq < ${entry.seq}
    ), handed_over AS (
      DELETE FROM live_case_reservation
      WHERE owner_sub = ${application.ownerSub} AND workflow_id = ${run.workflowId}
    )
    SELECT EXISTS (SELECT 1 FROM created) AS created, (SELECT run_id FROM followed) AS followed`;
  if (written!.created) return { kind: 'created' };
  return written!.followed === null
    ? { kind: 'raced' }
    : { kind: 'followed', runId: written!.followed };
}

/** The form as reviewers read it beside the evidence: every ID number masked. */
function maskedStatement(form: EnrolmentApplicationInput['form']) {
  return {
    ...form,
    child: { ...form.child, idNumber: maskResidentId(form.child.idNumber) },
    guardians: form.guardians.map((g) => ({ ...g, idNumber: maskResidentId(g.idNumber) })),
  };
}
