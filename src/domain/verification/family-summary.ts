import type { CheckOutcome } from '../enrolment';
import type { Check } from './checks';

/** What a family reads about one check: confirmed, or what to bring to the review. */
export interface CheckSummary {
  readonly check: Check;
  readonly confirmed: boolean;
  readonly zh: string;
  readonly en: string;
}

const SUBJECT: Record<Check, { zh: string; en: string }> = {
  IDENTITY: { zh: '儿童身份信息', en: "The child's identity" },
  HOUSEHOLD: { zh: '户籍信息', en: 'The household registration (hukou)' },
  PROPERTY: { zh: '住房信息', en: 'The housing record' },
  RESIDENCE_PERMIT: { zh: '居住证信息', en: 'The residence permit' },
  SOCIAL_INSURANCE: { zh: '社保缴纳信息', en: 'The social-insurance record' },
};

const DOCUMENT: Record<Check, { zh: string; en: string }> = {
  IDENTITY: { zh: '儿童身份证或出生医学证明', en: "the child's ID card or birth certificate" },
  HOUSEHOLD: { zh: '户口簿', en: 'the hukou booklet' },
  PROPERTY: {
    zh: '不动产权证、购房合同或租赁备案证明',
    en: 'the property certificate, purchase contract or rental registration',
  },
  RESIDENCE_PERMIT: { zh: '居住证', en: 'the residence permit' },
  SOCIAL_INSURANCE: {
    zh: '社保缴费证明或劳动合同',
    en: 'proof of social-insurance payments or the employment contract',
  },
};

export function summariseCheck(check: Check, outcome: CheckOutcome): CheckSummary {
  const subject = SUBJECT[check];
  const document = DOCUMENT[check];
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
