import type { ApplicationForm } from '../../forms/application-form';
import { maskResidentId } from '../../resident-id';
import {
  defineCheck,
  departmentQuery,
  notFound,
  outcome,
  type Ask,
  type CheckResult,
} from './check';

/** How the household registry relates a guardian to a child of the same household. */
export type HouseholdRelation = 'PARENT' | 'GRANDPARENT' | 'OTHER';

/** For reviewers: which registry spoke, and each guardian's relation by masked ID number. */
export interface RelationEvidence {
  readonly found: true;
  readonly source: 'HOUSEHOLD' | 'BIRTH_CERTIFICATE';
  readonly guardians: readonly {
    readonly idNumber: string;
    readonly relation: HouseholdRelation | 'FATHER' | 'MOTHER' | null;
    readonly confirmed: boolean;
  }[];
}

/** 公安 户籍: the relation of two people registered in one household; NOT_FOUND if they are not. */
export const householdRelationQuery = departmentQuery<
  { readonly childIdNumber: string; readonly guardianIdNumber: string },
  { readonly relation: HouseholdRelation }
>()({
  name: 'householdRelation',
  endpoint: 'household-relation',
  path: '/api/gongan/v1/household/relation',
});

/** 卫健 出生医学证明: the parents a child's birth certificate names. */
export const birthCertificateQuery = departmentQuery<
  { readonly idNumber: string },
  {
    readonly certificate: {
      readonly certificateNo: string;
      readonly fatherIdNumber: string | null;
      readonly motherIdNumber: string | null;
    };
  }
>()({
  name: 'birthCertificate',
  endpoint: 'birth-certificate',
  path: '/api/weijian/v1/birth-certificate/query',
});

type GuardianRelation = RelationEvidence['guardians'][number]['relation'];

/**
 * Every guardian the form names must be the child's parent or grandparent in the household
 * registry (Form A), or a parent on the birth certificate (Form B); those who are not are named
 * as mismatched fields, and the case goes to review in person.
 */
export function relationOutcome(
  form: ApplicationForm,
  source: RelationEvidence['source'],
  relations: readonly GuardianRelation[],
): CheckResult<RelationEvidence> {
  const confirmed = (r: GuardianRelation) => r !== null && r !== 'OTHER';
  return outcome(
    relations.flatMap((r, i) => (confirmed(r) ? [] : [`guardians[${i}].idNumber`])),
    {
      found: true,
      source,
      guardians: form.guardians.map((g, i) => ({
        idNumber: maskResidentId(g.idNumber),
        relation: relations[i] ?? null,
        confirmed: confirmed(relations[i] ?? null),
      })),
    },
  );
}

async function fromBirthCertificate(form: ApplicationForm, ask: Ask): Promise<CheckResult> {
  const answer = await ask(birthCertificateQuery, { idNumber: form.child.idNumber });
  if (!answer) return notFound;
  const { fatherIdNumber, motherIdNumber } = answer.certificate;
  return relationOutcome(
    form,
    'BIRTH_CERTIFICATE',
    form.guardians.map(({ idNumber }) =>
      idNumber === fatherIdNumber ? 'FATHER' : idNumber === motherIdNumber ? 'MOTHER' : null,
    ),
  );
}

async function fromHousehold(form: ApplicationForm, ask: Ask): Promise<CheckResult> {
  const relations: GuardianRelation[] = [];
  for (const { idNumber } of form.guardians) {
    const answer = await ask(householdRelationQuery, {
      childIdNumber: form.child.idNumber,
      guardianIdNumber: idNumber,
    });
    relations.push(answer?.relation ?? null);
  }
  return relations.every((r) => r === null)
    ? notFound
    : relationOutcome(form, 'HOUSEHOLD', relations);
}

/** Are the form's guardians the child's (issue 13)? A stranger's claim goes to a registration point. */
export const relationCheck = defineCheck({
  check: 'RELATION',
  activity: 'verifyRelation',
  appliesTo: () => true,
  queries: [householdRelationQuery, birthCertificateQuery],
  verify: (form, ask) =>
    form.formType === 'B' ? fromBirthCertificate(form, ask) : fromHousehold(form, ask),
  family: {
    subject: { zh: '监护人与儿童的关系', en: "The guardians' relation to the child" },
    document: {
      zh: '户口簿(或出生医学证明)及监护人身份证',
      en: "the hukou booklet (or the birth certificate) and the guardian's ID card",
    },
  },
  reviewer: {
    zh: '公安户籍(表A)或卫健出生医学证明(表B):所填监护人是否为儿童的父母(或户内祖父母)',
    en: "Public-security hukou (Form A) or the health commission's birth certificate (Form B): whether the stated guardians are the child's parents (or grandparents in the household)",
  },
  /** Added after histories were recorded: runs only in cases that record this patch. */
  since: 'guardian-relation-check',
});
