import { DomainError } from '../domain/errors';
import { mapLimit } from '../case-runs/map-limit';

export type Settled<T> =
  | { readonly applicationNo: string; readonly ok: true; readonly result: T }
  | {
      readonly applicationNo: string;
      readonly ok: false;
      readonly code: string;
      readonly detail: string;
      readonly detail_zh: string;
    };

/**
 * Runs an action on each case of a batch, `concurrency` at a time; a case the rules refuse is
 * reported with its bilingual reason and does not stop the rest (anything else still fails all).
 */
export function settleEach<T>(
  applicationNos: readonly string[],
  concurrency: number,
  work: (applicationNo: string) => Promise<T>,
): Promise<Settled<T>[]> {
  return mapLimit(applicationNos, concurrency, async (applicationNo): Promise<Settled<T>> => {
    try {
      return { applicationNo, ok: true, result: await work(applicationNo) };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return {
        applicationNo,
        ok: false,
        code: error.code,
        detail: error.message,
        detail_zh: error.messageZh,
      };
    }
  });
}
