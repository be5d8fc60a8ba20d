import type { EnrolmentApplicationInput, TimelineEntry } from '../contract';
import type { EnrolmentStatus } from '../domain/enrolment';
import type { Sealer } from '../encryption/sealer';
import { writeFirstEntry } from './case-first-write';
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
 * The first entry with the case's row and consent record, which no single step writes: the
 * API's write on submission (the row is nearly always new then), and the workflow's when it
 * comes first. One statement (`writeFirstEntry`); when another write's row committed while it
 * ran, the step is recorded against that row.
 */
export const recordSubmission: StepWrite = async (db, sealer, application, run, entry) => {
  const written = await writeFirstEntry(db, sealer, application, run, entry);
  switch (written.kind) {
    case 'created':
      return 'recorded';
    case 'followed':
      return written.runId === run.runId ? 'recorded' : 'otherRun';
    case 'raced':
      return recordTransition(db, sealer, application, run, entry);
  }
};

/**
 * A step of a case whose row exists: its entry and the row's status, in one statement. 'noRow'
 * when the case has no row yet.
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
