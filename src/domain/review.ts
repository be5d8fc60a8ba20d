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
