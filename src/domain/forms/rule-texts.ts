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
  // A URL is typed by hand more often than a body, so the message names the parameter ({name}).
  UNKNOWN_QUERY_PARAMETER: {
    en: 'This endpoint has no query parameter "{name}".',
    zh: '此接口不支持查询参数"{name}"。',
  },
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
  BROKEN_CHARACTERS: {
    en: 'This text contains a broken character (half of a UTF-16 surrogate pair).',
    zh: '内容包含无效字符(不成对的代理码元)。',
  },
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
  NOT_GUANGXI_COUNTY: {
    en: 'This is not a county or district of Guangxi (GB/T 2260).',
    zh: '不是广西的县(市、区)行政区划代码(GB/T 2260)。',
  },
  DIVISION_CODE: {
    en: 'A division code has six digits (GB/T 2260).',
    zh: '行政区划代码应为6位数字(GB/T 2260)。',
  },
  ETHNICITY: {
    en: 'Use a GB/T 3304 ethnicity code (01–56, 97 or 98).',
    zh: '民族应填写 GB/T 3304 代码(01–56、97 或 98)。',
  },
  AGE_BELOW_MINIMUM: {
    en: 'The child is too young for this stage in this season.',
    zh: '儿童年龄未达到本学年该学段的入学年龄。',
  },
  SEASON_NOT_OPEN: { en: 'There is no enrolment season for this year.', zh: '该年度未开放招生。' },
  GUARDIAN_ID_EQUALS_CHILD: {
    en: "A guardian's ID number cannot be the child's.",
    zh: '监护人身份证号码不能与儿童相同。',
  },
  GUARDIANS_DUPLICATE: {
    en: 'The two guardians must be different people.',
    zh: '两位监护人不能为同一人。',
  },
  GUARDIAN_NOT_ADULT: {
    en: 'A guardian must be an adult (18 or older).',
    zh: '监护人须年满18周岁。',
  },
  DUPLICATE_CHOICE: { en: 'Each school may be chosen once.', zh: '同一学校只能填报一次。' },
  SCHOOL_NOT_AVAILABLE: {
    en: 'This school does not enrol this stage in the applied county.',
    zh: '该学校不在所报县(市、区)或不招收该学段。',
  },
  REQUIRED_FOR_JUNIOR: {
    en: 'Required when applying for junior middle school (JUNIOR_1).',
    zh: '小升初(JUNIOR_1)申请须填写此项。',
  },
  NOT_ALLOWED_FOR_PRIMARY: {
    en: 'Not part of a primary grade 1 (PRIMARY_1) application.',
    zh: '幼升小(PRIMARY_1)申请不填写此项。',
  },
  REQUIRED_FOR_FORM_B: {
    en: 'Required on Form B (non-local / 随迁子女).',
    zh: '随迁子女(B表)申请须填写此项。',
  },
  NOT_ALLOWED_FOR_FORM_A: {
    en: 'Form A (户籍类) does not include this section.',
    zh: '户籍类(A表)申请不包含此项。',
  },
  HUKOU_IN_COUNTY_REQUIRED: {
    en: 'Form A is for children whose hukou is in the applied county; use Form B otherwise.',
    zh: '户籍类(A表)要求儿童户籍在所报县(市、区),否则请填写B表。',
  },
  HUKOU_IN_COUNTY_FORM_B: {
    en: 'The hukou is in the applied county: use Form A.',
    zh: '儿童户籍在所报县(市、区),请填写A表。',
  },
  HOUSING_TYPE_FOR_FORM_B: {
    en: 'Form B needs owned property, a purchase contract or a registered rental as residence proof.',
    zh: '随迁子女须提供自有住房、购房合同或登记备案的租赁合同作为居住证明。',
  },
  CERTIFICATE_REQUIRED: {
    en: 'A certificate or contract number is required for this housing type.',
    zh: '该住房类型须填写证书或合同编号。',
  },
  CHANNEL_NOT_ALLOWED: {
    en: 'Families apply online (ONLINE_WEB, ONLINE_MOBILE); registration-point staff enter OFFLINE applications.',
    zh: '家长应通过线上渠道(ONLINE_WEB、ONLINE_MOBILE)申请;报名点工作人员代办填写 OFFLINE。',
  },
  POINT_NOT_IN_COUNTY: {
    en: "The staff member's registration point is not in the applied county.",
    zh: '工作人员所在报名点不属于所报县(市、区)。',
  },
  FAMILY_TOKEN_REQUIRED: {
    en: 'The platform must vouch for the family with a family token (X-Family-Token).',
    zh: '平台代为提交须附带家庭身份令牌(X-Family-Token)。',
  },
  ATTACHMENT_TYPE: {
    en: 'Only PDF, JPEG and PNG files are accepted (checked by content, not by name).',
    zh: '仅接受 PDF、JPEG、PNG 格式的文件(按文件内容判断,而非文件名)。',
  },
  UPLOAD_FILE_ONLY: {
    en: 'Send one document in the field "file", and no other fields.',
    zh: '仅可在 file 字段上传一个文件,不得附带其他字段。',
  },
  ATTACHMENT_UNKNOWN: {
    en: 'No document with this hash was uploaded to this application.',
    zh: '本申请未上传该文件。',
  },
  DATE_IN_FUTURE: { en: 'This date must be in the future.', zh: '日期须晚于当前时间。' },
  RESET_STEP_UNKNOWN: {
    en: 'The case has no such step to go back to; see its timeline for the steps it took.',
    zh: '该申请没有可退回的此步骤,请查看办理记录中的步骤。',
  },
  DUPLICATE_ITEMS: {
    en: 'Each item may be listed once.',
    zh: '同一项只能列出一次。',
  },
  RESET_ONE_TARGET: {
    en: 'Name exactly one of fromStep or fromStatus.',
    zh: 'fromStep 与 fromStatus 须且只须填写一项。',
  },
  CONSENT_REQUIRED: {
    en: 'Consent to data verification is required to apply.',
    zh: '申请须同意数据核验。',
  },
  GUARDIAN_CONSENT_REQUIRED: {
    en: "A guardian's consent to processing the child's personal data is required.",
    zh: '须监护人同意处理儿童个人信息。',
  },
  PAPER_CONSENT_REQUIRED: {
    en: 'An offline entry needs the consent form the guardian signed, uploaded first (POST /registration/consent-forms).',
    zh: '线下录入须先上传监护人签字的同意书(POST /registration/consent-forms)。',
  },
  PAPER_CONSENT_OFFLINE_ONLY: {
    en: 'A paper consent form belongs to offline entries only; online, the guardian consents in the form.',
    zh: '纸质同意书仅适用于线下录入;线上申请由监护人在表单中勾选同意。',
  },
  CONSENT_FORM_UNKNOWN: {
    en: 'No consent form with this hash was uploaded at your registration point.',
    zh: '本报名点未上传该同意书。',
  },
} as const satisfies Record<string, RuleText>;

export type RuleCode = keyof typeof RULES;
