import type { ApplicationForm } from '../../forms/application-form';
import { maskResidentId } from '../../resident-id';
import {
  askEachGuardian,
  defineCheck,
  departmentQuery,
  notFound,
  outcome,
  type CheckResult,
} from './check';

export interface PermitEvidence {
  readonly found: true;
  readonly permitNo: string;
  readonly countyCode: string;
  readonly issueDate: string;
  readonly expiryDate: string;
  readonly holderIdNumber: string;
}

export interface RegistryPermit {
  readonly permitNo: string;
  readonly holderIdNumber: string;
  readonly countyCode: string;
  readonly issueDate: string;
  readonly expiryDate: string;
}

export const residencePermitQuery = departmentQuery<
  { readonly idNumber: string },
  { readonly permits: readonly RegistryPermit[] }
>()({
  name: 'residencePermit',
  endpoint: 'residence-permit',
  path: '/api/gongan/v1/residence-permit/query',
});

export function residencePermitOutcome(
  form: ApplicationForm,
  permits: readonly RegistryPermit[],
): CheckResult<PermitEvidence> | CheckResult {
  const stated = form.residencePermit;
  if (!stated || permits.length === 0) return notFound;
  const permit = permits.find((p) => p.permitNo === stated.number) ?? permits[0]!;
  const mismatched: string[] = [];
  if (permit.permitNo !== stated.number) mismatched.push('residencePermit.number');
  if (permit.countyCode !== stated.issuingCountyCode)
    mismatched.push('residencePermit.issuingCountyCode');
  if (permit.issueDate !== stated.issueDate) mismatched.push('residencePermit.issueDate');
  return outcome(mismatched, {
    found: true,
    permitNo: permit.permitNo,
    countyCode: permit.countyCode,
    issueDate: permit.issueDate,
    expiryDate: permit.expiryDate,
    holderIdNumber: maskResidentId(permit.holderIdNumber),
  });
}

/** 公安 居住证: a guardian's residence permit (Form B). */
export const residencePermitCheck = defineCheck({
  check: 'RESIDENCE_PERMIT',
  activity: 'verifyResidencePermit',
  appliesTo: (form) => form.formType === 'B',
  queries: [residencePermitQuery],
  async verify(form, ask) {
    const answers = await askEachGuardian(form, ask, residencePermitQuery);
    return residencePermitOutcome(
      form,
      answers.flatMap((a) => a.permits),
    );
  },
  family: {
    subject: { zh: '居住证信息', en: 'The residence permit' },
    document: { zh: '居住证', en: 'the residence permit' },
  },
  reviewer: {
    zh: '公安居住证信息:监护人居住证的号码、签发县区和签发日期',
    en: "Public-security residence-permit registry: the guardians' permit number, issuing county and issue date",
  },
});
