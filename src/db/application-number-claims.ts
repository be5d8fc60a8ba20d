import { setTimeout as sleep } from 'node:timers/promises';
import { formatApplicationNo } from '../domain/application-number';
import type { Db } from './prisma-client';

export interface NumberClaim {
  /** The child's case key for a season and stage (the workflow id). */
  readonly workflowId: string;
  /** The child's newest case, which this one follows (null for the first). */
  readonly after: string | null;
  readonly seasonYear: number;
  readonly countyCode: string;
}

/** How long a duplicate waits for the first request to write down the number it took. */
const WAIT_FOR_HOLDER = { attempts: 40, intervalMs: 50 };

/**
 * The application number for a child's next case. The first of any number of concurrent
 * duplicates takes the next number of the county's sequence; the others wait on the claim's key
 * and get the same number, so duplicates refused afterwards burn none. `fresh` says whether this
 * call took it; a request retried after a failed start reuses the number held for it. Plain
 * statements, no interactive transaction: submissions must not queue for pooled transactions.
 */
export async function claimApplicationNo(
  db: Db,
  claim: NumberClaim,
): Promise<{ applicationNo: string; fresh: boolean }> {
  const { workflowId, seasonYear, countyCode } = claim;
  const after = claim.after ?? '';
  // One statement: the counter moves only if this request's claim row went in. A concurrent
  // duplicate's insert waits for this statement to commit, then inserts nothing.
  const [won] = await db.$queryRaw<{ last_value: number }[]>`
    WITH claimed AS (
      INSERT INTO application_number_claim
        (workflow_id, after_application_no, county_code, application_no)
      VALUES (${workflowId}, ${after}, ${countyCode}, '')
      ON CONFLICT DO NOTHING
      RETURNING county_code
    )
    INSERT INTO application_number_counter (season_year, county_code, last_value)
    SELECT ${seasonYear}, county_code, 1 FROM claimed
    ON CONFLICT (season_year, county_code)
    DO UPDATE SET last_value = application_number_counter.last_value + 1
    RETURNING last_value`;
  if (won) return { applicationNo: await fill(db, claim, won.last_value), fresh: true };
  for (let attempt = 0; attempt < WAIT_FOR_HOLDER.attempts; attempt++) {
    const [held] = await db.$queryRaw<{ application_no: string }[]>`
      SELECT application_no FROM application_number_claim
      WHERE workflow_id = ${workflowId} AND after_application_no = ${after}
        AND county_code = ${countyCode}`;
    if (held?.application_no) return { applicationNo: held.application_no, fresh: false };
    await sleep(WAIT_FOR_HOLDER.intervalMs);
  }
  // The holder died between its two statements: take a number for the claim (the one case in
  // which a number is spent on nothing), unless someone else just did.
  const [counter] = await db.$queryRaw<{ last_value: number }[]>`
    UPDATE application_number_counter SET last_value = last_value + 1
    WHERE season_year = ${seasonYear} AND county_code = ${countyCode}
    RETURNING last_value`;
  return { applicationNo: await fill(db, claim, counter!.last_value, true), fresh: true };
}

/** Writes the number into the claim; a takeover writes it only if the claim is still empty. */
async function fill(db: Db, claim: NumberClaim, sequence: number, takeover = false) {
  const applicationNo = formatApplicationNo(claim.seasonYear, claim.countyCode, sequence);
  const after = claim.after ?? '';
  const written = await db.$executeRaw`
    UPDATE application_number_claim SET application_no = ${applicationNo}
    WHERE workflow_id = ${claim.workflowId} AND after_application_no = ${after}
      AND county_code = ${claim.countyCode} AND (${!takeover} OR application_no = '')`;
  if (written) return applicationNo;
  const [held] = await db.$queryRaw<{ application_no: string }[]>`
    SELECT application_no FROM application_number_claim
    WHERE workflow_id = ${claim.workflowId} AND after_application_no = ${after}
      AND county_code = ${claim.countyCode}`;
  return held!.application_no;
}
