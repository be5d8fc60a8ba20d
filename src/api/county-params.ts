import { STAGES, type Stage } from '../domain/enrolment';
import { RuleViolationError } from '../domain/errors';
import { violation } from '../domain/forms/violations';
import { requireCounty, type Principal } from '../domain/principal';
import { isGuangxiCounty } from '../domain/reference/guangxi-divisions';

/*
 * The county and stage an administrator's or a bureau's request names in its path or body
 * (/admin, /warnings, /reports): checked the same way everywhere, a malformed one as a rule
 * violation (400) before the caller's scope is asked (403).
 */

/** A county of Guangxi, and one the caller's scope covers. */
export function requireCountyInScope(principal: Principal, countyCode: string): void {
  if (!isGuangxiCounty(countyCode))
    throw new RuleViolationError([violation('countyCode', 'NOT_GUANGXI_COUNTY')]);
  requireCounty(principal, countyCode);
}

/** One of the stages there are. */
export function stageParam(value: string): Stage {
  if (!(STAGES as readonly string[]).includes(value))
    throw new RuleViolationError([violation('stage', 'NOT_IN_LIST')]);
  return value as Stage;
}
