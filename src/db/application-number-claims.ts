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

/**
 * The application number for a child's next case. The first of any number of concurrent
 * duplicates takes the next number of the county's sequence; the others wait on the claim's key
 * and get the same number, so duplicates refused afterwards burn none. `fresh` says whether this
 * call took it; a request retried after a failed start reuses the number held for it.
 */
export async function claimApplicationNo(
  db: Db,
  claim: NumberClaim,
): Promise<{ applicationNo: string; fresh: boolean }> {
  const { workflowId, seasonYear, countyCode } = claim;
  const after = claim.after ?? '';
  return db.$transaction(async (tx) => {
    // A second inserter of the same key blocks here until the first commits, then inserts nothing.
    const taken = await tx.$executeRaw`
      INSERT INTO application_number_claim
        (workflow_id, after_application_no, county_code, application_no)
      VALUES (${workflowId}, ${after}, ${countyCode}, '')
      ON CONFLICT DO NOTHING`;
    if (taken === 0) {
      const [held] = await tx.$queryRaw<{ application_no: string }[]>`
        SELECT application_no FROM application_number_claim
        WHERE workflow_id = ${workflowId} AND after_application_no = ${after}
          AND county_code = ${countyCode}`;
      return { applicationNo: held!.application_no, fresh: false };
    }
    const [counter] = await tx.$queryRaw<{ last_value: number }[]>`
      INSERT INTO application_number_counter (season_year, county_code, last_value)
      VALUES (${seasonYear}, ${countyCode}, 1)
      ON CONFLICT (season_year, county_code)
      DO UPDATE SET last_value = application_number_counter.last_value + 1
      RETURNING last_value`;
    const applicationNo = formatApplicationNo(seasonYear, countyCode, counter!.last_value);
    await tx.$executeRaw`
      UPDATE application_number_claim SET application_no = ${applicationNo}
      WHERE workflow_id = ${workflowId} AND after_application_no = ${after}
        AND county_code = ${countyCode}`;
    return { applicationNo, fresh: true };
  });
}
