import { applicationFormSchema } from '../../src/domain/forms/application-form';
import { checksFor } from '../../src/domain/verification/checks';

/**
 * The bare workflows the benches hold a case against, for a submitted form (as the API parses
 * it): `activities`, as many no-op activities as the case runs by AWAITING_REVIEW (one per
 * department check, SUBMITTED and VERIFYING recorded together and their notices sent together,
 * the checks' results recorded with the assessment, AWAITING_REVIEW recorded and its notice:
 * verification.int.test.ts holds the list); `onePerStep`, one activity per step, as every step
 * ran when issue 18's target was set (3 transitions, each check and its recorded result, the
 * assessment, 3 notices).
 */
export function bareShapesOf(form: unknown): { activities: number; onePerStep: number } {
  const checks = checksFor(applicationFormSchema.parse(form)).length;
  return { activities: checks + 5, onePerStep: 2 * checks + 7 };
}
