import { Prisma } from '../generated/prisma/client';
import type { Sealer } from '../encryption/sealer';
import type { Db } from './prisma-client';

/**
 * Makes the read model follow a new run of the case after a reset: timeline entries and
 * supplements after the kept step move to a case_reset record (undone, not erased; sealed, since
 * reasons and supplements speak of the family) and the case returns to the kept step's status.
 * Idempotent: a run already followed is left alone.
 */
export async function adoptRun(
  db: Db,
  sealer: Sealer,
  run: { applicationNo: string; runId: string; keptThroughSeq: number },
): Promise<boolean> {
  const { applicationNo, runId, keptThroughSeq } = run;
  return db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<{ run_id: string }[]>`
      SELECT run_id FROM application WHERE application_no = ${applicationNo} FOR UPDATE`;
    if (!current || current.run_id === runId) return false;
    const after = { applicationNo, seq: { gt: keptThroughSeq } };
    const events = await tx.applicationEvent.findMany({ where: after, orderBy: { seq: 'asc' } });
    const supplements = await tx.supplement.findMany({ where: after, orderBy: { seq: 'asc' } });
    const kept = await tx.applicationEvent.findUnique({
      where: { applicationNo_seq: { applicationNo, seq: keptThroughSeq } },
    });
    const undone = {
      events: events.map((e) => ({
        seq: e.seq,
        from: e.fromStatus,
        to: e.toStatus,
        actor: e.actor,
        reason: e.reason,
        at: e.occurredAt.toISOString(),
      })),
      supplements: await Promise.all(
        supplements.map(async (x) => ({
          seq: x.seq,
          items: await sealer.open(x.items),
          actor: x.actor,
          at: x.providedAt.toISOString(),
        })),
      ),
    };
    await tx.caseReset.create({
      data: {
        applicationNo,
        previousRunId: current.run_id,
        runId,
        keptThroughSeq,
        undone: await sealer.seal(undone),
      },
    });
    await tx.applicationEvent.deleteMany({ where: after });
    await tx.supplement.deleteMany({ where: after });
    const undoneStatuses = new Set(events.map((e) => e.toStatus));
    await tx.application.update({
      where: { applicationNo },
      data: {
        runId,
        reviewOverdue: false,
        // From step 0 too: the new run's first entry then moves the status on again.
        lastEventSeq: keptThroughSeq,
        // Back to the kept step; from the first step, back to the start until the run records it.
        status: kept?.toStatus ?? 'SUBMITTED',
        statusChangedAt: kept?.occurredAt ?? new Date(),
        // The round's result is re-delivered, and recorded again, once the approval is re-applied.
        ...(undoneStatuses.has('APPROVED') && { admission: Prisma.DbNull }),
        ...(events.some((e) => e.fromStatus === 'AWAITING_OFFLINE_CHECK') && {
          offlineCheck: Prisma.DbNull,
        }),
        updatedAt: new Date(),
      },
    });
    return true;
  });
}

/** The resets of a case, oldest first, with what each undid opened for the operator. */
export async function resetsOf(db: Db, sealer: Sealer, applicationNo: string) {
  const rows = await db.caseReset.findMany({ where: { applicationNo }, orderBy: { id: 'asc' } });
  return Promise.all(rows.map(async (r) => ({ ...r, undone: await sealer.open(r.undone) })));
}
