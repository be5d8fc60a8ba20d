import type { EnrolmentStatus } from './enrolment';

/** What a family reads about its case: where it stands and what, if anything, it must do. */
export interface Guidance {
  readonly actionRequired: boolean;
  readonly zh: string;
  readonly en: string;
}

const GUIDANCE: Record<EnrolmentStatus, Guidance> = {
  SUBMITTED: {
    actionRequired: false,
    zh: '申请已提交,系统正在准备核验您填报的信息。',
    en: 'Your application has been received; we are about to check the details you gave.',
  },
  VERIFYING: {
    actionRequired: false,
    zh: '正在与公安、自然资源、人社等部门数据核对您填报的信息,无需您操作。',
    en: 'We are checking your details with the police, land-registry and social-insurance records. Nothing is needed from you.',
  },
  AWAITING_REVIEW: {
    actionRequired: false,
    zh: '信息核验已完成,等待县(市、区)教育局审核。',
    en: 'The checks are done; the county education bureau will review your application.',
  },
  NEEDS_SUPPLEMENT: {
    actionRequired: true,
    zh: '教育局要求补充材料,请在截止时间前按要求提交。',
    en: 'The bureau has asked for more documents; please provide them before the deadline.',
  },
  AWAITING_OFFLINE_CHECK: {
    actionRequired: true,
    zh: '部分信息无法在线核验,请携带证件原件到报名点现场核验(可预约)。',
    en: 'Some details could not be checked online; please bring the original documents to a registration point (you can book a slot).',
  },
  APPROVED: {
    actionRequired: false,
    zh: '审核已通过,请等待录取结果公布。',
    en: 'Your application has been approved; please wait for the admission results.',
  },
  REJECTED: {
    actionRequired: false,
    zh: '审核未通过,原因见下方记录;如情况有变,可重新提交申请。',
    en: 'Your application was not approved; the reason is shown below. You may apply again if your circumstances change.',
  },
  ADMITTED: {
    actionRequired: false,
    zh: '已录取,请按通知办理入学。',
    en: 'Admitted; please follow the notice to enrol.',
  },
  ASSIGNED_BY_BUREAU: {
    actionRequired: false,
    zh: '已由教育局统筹安排学位,请按通知办理入学。',
    en: 'The bureau has assigned a school place; please follow the notice to enrol.',
  },
  NOT_ADMITTED: {
    actionRequired: true,
    zh: '本轮未录取:孩子将参加下一轮补录;如对结果有异议,可在期限内申请复核,或联系县(市、区)教育局。',
    en: 'Not admitted in this round: the child takes part in the next supplementary round (补录); if you disagree with the result you may appeal within the period, or contact the county education bureau.',
  },
  WITHDRAWN: {
    actionRequired: false,
    zh: '申请已撤回;如需要,可重新提交。',
    en: 'You withdrew this application; you may submit a new one.',
  },
  EXPIRED: {
    actionRequired: false,
    zh: '补充材料逾期未提交,申请已失效;如需要,可重新提交。',
    en: 'The requested documents did not arrive in time and the application lapsed; you may apply again.',
  },
  CANCELLED: {
    actionRequired: false,
    zh: '该申请已由教育局注销,原因见办理记录;如需要,可重新提交申请。',
    en: 'The education bureau closed this application (the reason is on its timeline); you may apply again.',
  },
  DECLINED: {
    actionRequired: false,
    zh: '您已放弃录取学位,该学位已递补给候补家庭;如有疑问,请联系县(市、区)教育局。',
    en: 'You declined the place; it has gone to a waitlisted family. Contact the county education bureau with any questions.',
  },
  LAPSED: {
    actionRequired: false,
    zh: '未在期限内确认报到,学位已失效;如有疑问,请联系县(市、区)教育局。',
    en: 'The place was not confirmed in time and has lapsed; contact the county education bureau with any questions.',
  },
};

export function guidanceFor(status: EnrolmentStatus): Guidance {
  return GUIDANCE[status];
}
