import type { EnrolmentApplicationInput, TimelineEntry } from '../contract';
import type { EnrolmentStatus } from '../domain/enrolment';
import { maskResidentId } from '../domain/resident-id';
import type { Sealer } from '../encryption/sealer';
import { recordConsentOfNewCase } from './consent-repository';
import type { Db } from './prisma-client';
import { utcTimestamp } from './sql-values';

/*
 * A case's timeline in the read model: every status change as an entry, and the case's row
 * moving with them (the projection only moves forward in the run's sequence).
 */

/** Writes one step of a case's run; 'otherRun' when the read model follows another run. */
type StepWrite = (
  db: Db,
  sealer: Sealer,
  application: EnrolmentApplicationInput,
  run: { workflowId: string; runId: string },
  entry: TimelineEntry,
) => Promise<'recorded' | 'otherRun'>;

/**
 * Records a step of the case's run: its timeline entry, keyed by the run's own sequence number,
 * and the projection's status if the step is newer than the one it shows. A step of a run the
 * read model does not follow (an old run after a reset) records nothing. Once the case has its
 * row (the API writes it on submission) every step, the workflow's copy of the first included,
 * is one statement; without the row, `recordSubmission`.
 */
export const recordTransition: StepWrite = async (db, sealer, application, run, entry) => {
  const step = await recordStepOfExistingCase(db, application.applicationNo, run.runId, entry);
  return step === 'noRow' ? recordSubmission(db, sealer, application, run, entry) : step;
};

/**
 * The first entry with the case's row and consent record, which no single statement writes: the
 * API's write on submission (the row is nearly always new then), and the workflow's when it
 * comes first. The row is inserted first: when this write creates it, the row already shows the
 * entry and the consent is this write's to record (three statements, where reading the row first
 * took five); otherwise the row another write made is read, and only its run's entry is added.
 */
export const recordSubmission: StepWrite = async (db, sealer, application, run, entry) => {
  const at = new Date(entry.at);
  const row = await caseRow(sealer, application, run, entry);
  return db.$transaction(async (tx) => {
    // The API and the workflow's first activity write the first entry concurrently; INSERT … ON
    // CONFLICT DO NOTHING lets the loser pass, where an upsert (read, then insert) failed it
    // with a unique violation on a busy machine.
    const { count: created } = await tx.application.createMany({
      data: row,
      skipDuplicates: true,
    });
    if (created) await recordConsentOfNewCase(tx, application);
    else {
      const followed = await tx.application.findUnique({
        where: { applicationNo: application.applicationNo },
        select: { runId: true },
      });
      if (followed && followed.runId !== run.runId) return 'otherRun';
    }
    await tx.applicationEvent.createMany({
      data: [
        {
          applicationNo: application.applicationNo,
          seq: entry.seq,
          fromStatus: entry.from,
          toStatus: entry.to,
          actor: entry.actor,
          channel: entry.channel,
          reason: entry.reason,
          occurredAt: at,
        },
      ],
      skipDuplicates: true,
    });
    if (!created)
      await tx.application.updateMany({
        where: { applicationNo: application.applicationNo, lastEventSeq: { lt: entry.seq } },
        data: { status: entry.to, lastEventSeq: entry.seq, statusChangedAt: at, updatedAt: at },
      });
    return 'recorded';
  });
};

/** The case's row as its first entry leaves it, personal fields sealed. */
async function caseRow(
  sealer: Sealer,
  application: EnrolmentApplicationInput,
  run: { workflowId: string; runId: string },
  entry: TimelineEntry,
) {
  const { form } = application;
  const at = new Date(entry.at);
  return {
    applicationNo: application.applicationNo,
    workflowId: run.workflowId,
    runId: run.runId,
    ownerSub: application.ownerSub,
    submittedBy: application.submittedBy,
    registrationPointId: application.registrationPointId,
    seasonYear: form.seasonYear,
    stage: form.stage,
    countyCode: form.countyCode,
    formType: form.formType,
    channel: form.channel,
    childKey: application.childKey,
    childName: await sealer.seal(form.child.name),
    childIdMasked: application.childIdMasked,
    statement: await sealer.seal(maskedStatement(form)),
    status: entry.to,
    lastEventSeq: entry.seq,
    statusChangedAt: at,
    submittedAt: new Date(application.submittedAt),
    updatedAt: at,
  };
}

/**
 * A step of a case whose row exists: the same writes as `recordSubmission`'s but the row's, in
 * one statement rather than a transaction of five round trips. 'noRow' when the case has no row
 * yet.
 */
async function recordStepOfExistingCase(
  db: Db,
  applicationNo: string,
  runId: string,
  entry: TimelineEntry,
): Promise<'recorded' | 'otherRun' | 'noRow'> {
  const at = utcTimestamp(entry.at);
  const rows = await db.$queryRaw<{ run_id: string }[]>`
    WITH followed AS (
      SELECT run_id FROM application WHERE application_no = ${applicationNo}
    ), step AS (
      INSERT INTO application_event
        (application_no, seq, from_status, to_status, actor, channel, reason, occurred_at)
      SELECT ${applicationNo}, ${entry.seq}, ${entry.from}::"EnrolmentStatus",
        ${entry.to}::"EnrolmentStatus", ${entry.actor}, ${entry.channel}, ${entry.reason}, ${at}
      FROM followed WHERE run_id = ${runId}
      ON CONFLICT (application_no, seq) DO NOTHING
    ), moved AS (
      UPDATE application SET status = ${entry.to}::"EnrolmentStatus",
        last_event_seq = ${entry.seq}, status_changed_at = ${at}, updated_at = ${at}
      WHERE application_no = ${applicationNo} AND run_id = ${runId}
        AND last_event_seq < ${entry.seq}
    )
    SELECT run_id FROM followed`;
  if (!rows[0]) return 'noRow';
  return rows[0].run_id === runId ? 'recorded' : 'otherRun';
}

/**
 * A status change made outside the workflow (an operator terminating it): appended after the
 * last entry, from the run the read model follows only.
 */
export async function appendTransition(
  db: Db,
  applicationNo: string,
  runId: string,
  entry: { to: EnrolmentStatus; actor: string; reason: string },
): Promise<{ seq: number; from: EnrolmentStatus; at: Date } | null> {
  return db.$transaction(async (tx) => {
    // Locked, so a late write from the stopped run cannot take the same step number.
    await tx.$queryRaw`SELECT 1 FROM application WHERE application_no = ${applicationNo} FOR UPDATE`;
    const row = await tx.application.findUnique({ where: { applicationNo } });
    if (!row || row.runId !== runId) return null;
    const at = new Date();
    const seq = row.lastEventSeq + 1;
    await tx.applicationEvent.create({
      data: {
        applicationNo,
        seq,
        fromStatus: row.status,
        toStatus: entry.to,
        actor: entry.actor,
        reason: entry.reason,
        occurredAt: at,
      },
    });
    await tx.application.update({
      where: { applicationNo },
      data: { status: entry.to, lastEventSeq: seq, statusChangedAt: at, updatedAt: at },
    });
    return { seq, from: row.status, at };
  });
}

/** The form as reviewers read it beside the evidence: every ID number masked. */
function maskedStatement(form: EnrolmentApplicationInput['form']) {
  return {
    ...form,
    child: { ...form.child, idNumber: maskResidentId(form.child.idNumber) },
    guardians: form.guardians.map((g) => ({ ...g, idNumber: maskResidentId(g.idNumber) })),
  };
}
