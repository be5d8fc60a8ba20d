/**
 * Bilingual texts for validation rules. A rule's code is stable API: clients switch on it, people
 * read the messages.
 */
export interface RuleText {
  readonly en: string;
  readonly zh: string;
}

export const RULES = {
  REQUIRED: { en: 'This field is required.', zh: '此项为必填项。' },
  UNKNOWN_FIELD: { en: 'This field is not part of the form.', zh: '表单中不存在此项。' },
  WRONG_TYPE: { en: 'This field has the wrong type.', zh: '此项的数据类型不正确。' },
  NOT_IN_LIST: {
    en: 'This value is not one of the allowed values.',
    zh: '此项的取值不在允许范围内。',
  },
  TOO_SHORT: { en: 'This value is too short.', zh: '此项内容过短。' },
  TOO_LONG: { en: 'This value is too long.', zh: '此项内容过长。' },
  OUT_OF_RANGE: { en: 'This value is out of range.', zh: '此项数值超出范围。' },
  BAD_FORMAT: { en: 'This value is not in the expected format.', zh: '此项格式不正确。' },
  CONTROL_CHARACTERS: { en: 'Control characters are not allowed.', zh: '不允许包含控制字符。' },
  NAME_CHARACTERS: {
    en: 'A name may contain Chinese characters, letters, spaces and the middle dot (·) only.',
    zh: '姓名只能包含汉字、字母、空格和间隔号(·)。',
  },
  ID_FORMAT: {
    en: 'An ID number has 17 digits followed by a digit or X.',
    zh: '身份证号码应为17位数字加1位数字或X。',
  },
  ID_DIVISION_CODE: {
    en: 'The ID number does not start with a valid division code.',
    zh: '身份证号码的行政区划代码无效。',
  },
  ID_BIRTH_DATE: {
    en: 'The ID number contains an impossible birth date.',
    zh: '身份证号码中的出生日期无效。',
  },
  ID_CHECK_DIGIT: { en: 'The ID number check digit is wrong.', zh: '身份证号码校验码错误。' },
  ID_BIRTH_DATE_MISMATCH: {
    en: 'The birth date does not agree with the ID number.',
    zh: '出生日期与身份证号码不一致。',
  },
  ID_GENDER_MISMATCH: {
    en: 'The gender does not agree with the ID number.',
    zh: '性别与身份证号码不一致。',
  },
  DATE_FORMAT: { en: 'Dates are written YYYY-MM-DD.', zh: '日期格式应为 YYYY-MM-DD。' },
  MOBILE_FORMAT: {
    en: 'A mobile number has 11 digits and starts with 13–19.',
    zh: '手机号码应为以13至19开头的11位数字。',
  },
  CONSENT_REQUIRED: {
    en: 'Consent to data verification is required to apply.',
    zh: '申请须同意数据核验。',
  },
} as const satisfies Record<string, RuleText>;

export type RuleCode = keyof typeof RULES;
