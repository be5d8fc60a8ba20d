import type { EnrolmentStatus } from './enrolment';

/** The closed lists reviewers choose from (DESIGN.md §3); families read the labels. */
export const REJECTION_REASONS = {
  AGE_NOT_MET: { zh: '不符合入学年龄要求', en: 'Does not meet the entry age' },
  NOT_RESIDENT_IN_COUNTY: {
    zh: '户籍或居住不在本县(市、区)',
    en: 'Neither hukou nor residence in this county',
  },
  FALSE_INFORMATION: { zh: '提交的信息与事实不符', en: 'The information given is not true' },
  DOCUMENTS_NOT_PROVIDED: {
    zh: '未提供所需证明材料',
    en: 'The required documents were not provided',
  },
  DUPLICATE_APPLICATION: { zh: '重复报名', en: 'Applied more than once' },
  OTHER: { zh: '其他原因', en: 'Another reason' },
} as const;
export type RejectionReason = keyof typeof REJECTION_REASONS;

export const SUPPLEMENT_ITEMS = {
  HUKOU_BOOKLET: { zh: '户口簿', en: 'Hukou booklet' },
  BIRTH_CERTIFICATE: { zh: '出生医学证明', en: 'Birth certificate' },
  PROPERTY_CERTIFICATE: { zh: '不动产权证', en: 'Property certificate' },
  PURCHASE_CONTRACT: { zh: '购房合同', en: 'Purchase contract' },
  RENTAL_REGISTRATION: { zh: '租赁登记备案证明', en: 'Rental registration' },
  RESIDENCE_PERMIT: { zh: '居住证', en: 'Residence permit' },
  SOCIAL_INSURANCE_PROOF: { zh: '社保缴费证明', en: 'Proof of social insurance' },
  EMPLOYMENT_PROOF: { zh: '劳动合同或营业执照', en: 'Employment contract or business licence' },
  POLICY_CARE_PROOF: { zh: '政策性照顾证明', en: 'Proof of policy care' },
  OTHER: { zh: '其他材料', en: 'Other document' },
} as const;
export type SupplementItem = keyof typeof SUPPLEMENT_ITEMS;

export const REJECTION_REASON_CODES = Object.keys(REJECTION_REASONS) as RejectionReason[];
export const SUPPLEMENT_ITEM_CODES = Object.keys(SUPPLEMENT_ITEMS) as SupplementItem[];

/**
 * The decisions a reviewer takes on a case (DESIGN.md §3), one entry each: the status it moves
 * the case to, the fields it needs besides the decision, and what the timeline says. The API's
 * schema (review-schema.ts), the workflow's validator and the operators' deliveries read this
 * table, so a new decision is an entry here (and its fields in review-schema.ts if it has new ones).
 * Pure data and functions: the workflow imports it without pulling zod into its bundle.
 */
export const DECISIONS = {
  APPROVE: { status: 'APPROVED', requires: [], name: 'an approval' },
  // The family must learn why, in the closed list's words and the reviewer's own.
  REJECT: { status: 'REJECTED', requires: ['reasonCode', 'reason'], name: 'a rejection' },
} as const satisfies Record<
  string,
  {
    readonly status: EnrolmentStatus;
    readonly requires: readonly (keyof DecisionFields)[];
    readonly name: string;
  }
>;
export type Decision = keyof typeof DECISIONS;
export const DECISION_KINDS = Object.keys(DECISIONS) as Decision[];

/** A decision as people send it; the schema in review-schema.ts checks each field's format. */
export interface DecisionFields {
  readonly decision: Decision;
  readonly reasonCode?: string;
  readonly reason?: string;
}

export function isDecision(value: unknown): value is Decision {
  return typeof value === 'string' && Object.hasOwn(DECISIONS, value);
}

/**
 * The one rule on a decision's fields: each field its decision requires is present and not blank
 * (a rejection: a reason code and words the family reads; the schema checks the code is one of
 * the list). Returns the fields missing, in the table's order, and a message naming the decision.
 */
export function missingDecisionFields(value: DecisionFields): {
  readonly fields: readonly (keyof DecisionFields)[];
  readonly message: string;
} {
  const { requires, name } = DECISIONS[value.decision];
  return {
    fields: requires.filter((field) => !value[field]?.trim()),
    message: `Required for ${name}.`,
  };
}

/** Where a decision moves the case. */
export function statusAfter(decision: Decision): EnrolmentStatus {
  return DECISIONS[decision].status;
}

/** What the timeline (and so the family) reads for a decision: a rejection leads with its code. */
export function decisionReason(value: DecisionFields): string | null {
  // Histories from before the rule was one may hold a rejection without a code; it reads as OTHER.
  return value.decision === 'REJECT'
    ? `${value.reasonCode ?? 'OTHER'}: ${value.reason ?? ''}`.trim()
    : (value.reason ?? null);
}

/**
 * A reviewer's answer to a family's appeal (复核, domain/appeals.ts), one entry each: the fields
 * it needs and what the family reads. Not entries of DECISIONS: an appeal is decided on a case
 * that is already decided, and where it leads depends on what was appealed
 * (`appealAnswer` in appeals.ts), so the decision endpoint must not take these.
 */
export const APPEAL_DECISIONS = {
  // The family must learn why the result stands, in the reviewer's own words.
  UPHOLD: {
    requires: ['reason'],
    name: 'upholding an appeal',
    label: { zh: '复核维持原结果', en: 'After review, the result stands' },
  },
  ACCEPT: {
    requires: ['reason'],
    name: 'accepting an appeal',
    label: { zh: '复核申请成立', en: 'Your appeal is accepted' },
  },
} as const satisfies Record<
  string,
  {
    readonly requires: readonly 'reason'[];
    readonly name: string;
    readonly label: { readonly zh: string; readonly en: string };
  }
>;
export type AppealDecision = keyof typeof APPEAL_DECISIONS;
export const APPEAL_DECISION_KINDS = Object.keys(APPEAL_DECISIONS) as AppealDecision[];

export function isAppealDecision(value: unknown): value is AppealDecision {
  return typeof value === 'string' && Object.hasOwn(APPEAL_DECISIONS, value);
}

/** The same rule as `missingDecisionFields`, for an appeal's answer. */
export function missingAppealDecisionFields(value: {
  readonly decision: AppealDecision;
  readonly reason?: string;
}): { readonly fields: readonly 'reason'[]; readonly message: string } {
  const { requires, name } = APPEAL_DECISIONS[value.decision];
  return {
    fields: requires.filter((field) => !value[field]?.trim()),
    message: `Required for ${name}.`,
  };
}
