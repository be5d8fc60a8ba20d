import { Connection } from '@temporalio/client';
import type { Db } from '../../src/db/prisma-client';

/** A submission the API accepted (201), as bench:load sent it. */
export interface AcceptedSubmission {
  readonly applicationNo?: string;
  readonly workflowId?: string;
  /** When it was sent (epoch ms): time to AWAITING_REVIEW counts from here. */
  readonly sentAt: number;
}

/**
 * Every accepted submission at AWAITING_REVIEW exactly once: one entry to it in the timeline, its
 * row in the read model at it, and one run in visibility whose EnrolmentStatus says it (visibility
 * is eventually consistent: asked until it agrees or a minute has passed).
 */
export async function lossAudit(
  db: Db,
  temporalAddress: string,
  accepted: readonly AcceptedSubmission[],
): Promise<{ problems: string[]; toReview: number[] }> {
  const problems: string[] = [];
  const numbers = accepted.map((o) => o.applicationNo!);
  const rows = await db.application.findMany({
    where: { applicationNo: { in: numbers } },
    select: { applicationNo: true, status: true, submittedAt: true },
  });
  const events = await db.applicationEvent.findMany({
    where: { applicationNo: { in: numbers }, toStatus: 'AWAITING_REVIEW' },
    select: { applicationNo: true, occurredAt: true },
  });
  const rowOf = new Map(rows.map((r) => [r.applicationNo, r]));
  const reached = new Map<string, Date[]>();
  for (const e of events)
    reached.set(e.applicationNo, [...(reached.get(e.applicationNo) ?? []), e.occurredAt]);
  const toReview: number[] = [];
  for (const o of accepted) {
    const no = o.applicationNo!;
    const row = rowOf.get(no);
    const times = reached.get(no) ?? [];
    if (row?.status !== 'AWAITING_REVIEW')
      problems.push(`${no} is ${row?.status ?? 'missing'} in the read model`);
    if (times.length !== 1) problems.push(`${no} reached AWAITING_REVIEW ${times.length} times`);
    if (times[0]) toReview.push(times[0].getTime() - o.sentAt);
  }
  const ids = new Set(accepted.map((o) => o.workflowId!));
  const seen = await inVisibility(temporalAddress, ids);
  for (const id of ids)
    if (seen.get(id) !== 1) problems.push(`${id} is in visibility ${seen.get(id) ?? 0} times`);
  return { problems, toReview };
}

/**
 * How many runs of each workflow visibility lists at AWAITING_REVIEW, asked again each second
 * until every one is there exactly once or a minute has passed.
 */
async function inVisibility(
  temporalAddress: string,
  ids: ReadonlySet<string>,
): Promise<Map<string, number>> {
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    let seen = new Map<string, number>();
    for (let attempt = 0; attempt < 60; attempt += 1) {
      seen = new Map();
      let nextPageToken: Uint8Array | undefined;
      do {
        const page = await connection.workflowService.listWorkflowExecutions({
          namespace: 'default',
          query: `EnrolmentStatus = 'AWAITING_REVIEW'`,
          pageSize: 1000,
          ...(nextPageToken && { nextPageToken }),
        });
        for (const e of page.executions) {
          const id = e.execution?.workflowId ?? '';
          if (ids.has(id)) seen.set(id, (seen.get(id) ?? 0) + 1);
        }
        nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
      } while (nextPageToken);
      if (seen.size === ids.size && [...seen.values()].every((n) => n === 1)) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    return seen;
  } finally {
    await connection.close();
  }
}

/**
 * Waits until every case in the read model, and at least every accepted one, is at
 * AWAITING_REVIEW (a count that fails is asked again), saying how far it is every 30 s. A backlog
 * beyond the workers' rate drains after the sending: the limit is ten minutes and a fifth of a
 * second per accepted case (the slowest drain seen here, 5 cases/s).
 */
export async function untilAllReviewed(db: Db, accepted: number): Promise<void> {
  const began = Date.now();
  const deadline = began + 600_000 + accepted * 200;
  let told = began;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    const counts = await Promise.all([
      db.application.count(),
      db.application.count({ where: { status: 'AWAITING_REVIEW' } }),
    ]).catch(() => null);
    if (counts && counts[1] >= accepted && counts[1] === counts[0]) return;
    if (counts && Date.now() - told >= 30_000) {
      told = Date.now();
      const waited = ((told - began) / 1000).toFixed(0);
      process.stdout.write(`  draining: ${counts[1]} of ${counts[0]} verified after ${waited} s\n`);
    }
  }
}
