import { settleEach } from '../settle-each';

const BULK_CONCURRENCY = 8;

/** Runs one action per case, a few at a time; a case that refuses does not stop the rest. */
export async function bulk<T>(
  applicationNos: readonly string[],
  each: (applicationNo: string) => Promise<T>,
) {
  const results = await settleEach(applicationNos, BULK_CONCURRENCY, each);
  return {
    succeeded: results.filter((r) => r.ok).length,
    failed: results.filter((r) => !r.ok).length,
    results,
  };
}
