import type { ApplicationForm } from '../../forms/application-form';
import {
  askEachGuardian,
  defineCheck,
  departmentQuery,
  notFound,
  outcome,
  type CheckResult,
} from './check';

export interface InsuranceEvidence {
  readonly found: true;
  readonly cityCode: string;
  readonly monthsPaidLast24: number;
  readonly active: boolean;
}

export interface RegistryInsurance {
  readonly cityCode: string;
  readonly monthsPaidLast24: number;
  readonly status: 'ACTIVE' | 'SUSPENDED';
}

export const socialInsuranceQuery = departmentQuery<
  { readonly idNumber: string },
  { readonly record: RegistryInsurance }
>()({
  name: 'socialInsurance',
  endpoint: 'social-insurance',
  path: '/api/rs/v1/social-insurance/query',
});

/** The guardian with the longest record speaks for the family. */
export function socialInsuranceOutcome(
  form: ApplicationForm,
  records: readonly RegistryInsurance[],
): CheckResult<InsuranceEvidence> | CheckResult {
  const declared = form.employment?.socialInsuranceMonths;
  if (declared === undefined || records.length === 0) return notFound;
  const best = [...records].sort((a, b) => b.monthsPaidLast24 - a.monthsPaidLast24)[0]!;
  return outcome(best.monthsPaidLast24 < declared ? ['employment.socialInsuranceMonths'] : [], {
    found: true,
    cityCode: best.cityCode,
    monthsPaidLast24: best.monthsPaidLast24,
    active: best.status === 'ACTIVE',
  });
}

/** 人社 社保: the guardians' contributions in the city (Form B). */
export const socialInsuranceCheck = defineCheck({
  check: 'SOCIAL_INSURANCE',
  activity: 'verifySocialInsurance',
  appliesTo: (form) => form.formType === 'B',
  queries: [socialInsuranceQuery],
  async verify(form, ask) {
    const answers = await askEachGuardian(form, ask, socialInsuranceQuery);
    return socialInsuranceOutcome(
      form,
      answers.map((a) => a.record),
    );
  },
  family: {
    subject: { zh: '社保缴纳信息', en: 'The social-insurance record' },
    document: {
      zh: '社保缴费证明或劳动合同',
      en: 'proof of social-insurance payments or the employment contract',
    },
  },
  reviewer: {
    zh: '人社社保信息:监护人近24个月在本市的缴费月数及参保状态',
    en: "Human-resources social-insurance registry: the guardians' months paid in the city in the last 24 and whether insured now",
  },
});
