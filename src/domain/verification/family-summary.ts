import type { CheckOutcome } from '../enrolment';
import { descriptorOf, type Check } from './checks';

/** What a family reads about one check: confirmed, or what to bring to the review. */
export interface CheckSummary {
  readonly check: Check;
  readonly confirmed: boolean;
  readonly zh: string;
  readonly en: string;
}

/**
 * The sentences are the same for every check; what was checked and which document proves it
 * come from the check's module.
 */
export function summariseCheck(check: Check, outcome: CheckOutcome): CheckSummary {
  const { subject, document } = descriptorOf(check).family;
  switch (outcome) {
    case 'MATCH':
      return {
        check,
        confirmed: true,
        zh: `${subject.zh}已与部门数据核验一致。`,
        en: `${subject.en} was confirmed by the department's records.`,
      };
    case 'MISMATCH':
      return {
        check,
        confirmed: false,
        zh: `${subject.zh}与部门登记不一致,已按登记信息填写;如有异议,请在审核时携带${document.zh}。`,
        en: `${subject.en} differs from the department's records, which we used instead; if you disagree, bring ${document.en} to the review.`,
      };
    case 'NOT_FOUND':
      return {
        check,
        confirmed: false,
        zh: `部门未查到${subject.zh},请在审核时携带${document.zh}。`,
        en: `${subject.en} was not found in the department's records; please bring ${document.en} to the review.`,
      };
    case 'UNAVAILABLE':
      return {
        check,
        confirmed: false,
        zh: `暂时无法在线核验${subject.zh},请携带${document.zh}到报名点现场核验。`,
        en: `${subject.en} could not be checked online for now; please bring ${document.en} to a registration point.`,
      };
  }
}
