import { defineCheck, departmentQuery, type CheckResult } from './check';

/** What the 公安 registry said about a person, without the ID number itself. */
export interface IdentityEvidence {
  readonly found: boolean;
  readonly name?: string;
  readonly gender?: 'MALE' | 'FEMALE';
  readonly birthDate?: string;
  readonly divisionCode?: string;
  readonly alive?: boolean;
}

export interface StatedIdentity {
  readonly name: string;
  readonly gender: 'MALE' | 'FEMALE';
  readonly birthDate: string;
}

export interface RegistryIdentity {
  readonly nameMatches: boolean;
  readonly record: {
    readonly name: string;
    readonly gender: 'MALE' | 'FEMALE';
    readonly birthDate: string;
    readonly divisionCode: string;
    readonly alive: boolean;
  };
}

export const identityQuery = departmentQuery<
  { readonly name: string; readonly idNumber: string },
  RegistryIdentity
>()({ name: 'identity', endpoint: 'identity', path: '/api/gongan/v1/identity/verify' });

/** Compares the family's statement with the registry; every disagreeing field is named. */
export function identityOutcome(
  stated: StatedIdentity,
  registry: IdentityEvidence,
): CheckResult<IdentityEvidence> {
  if (!registry.found) return { outcome: 'NOT_FOUND', mismatchedFields: [], evidence: registry };
  const mismatchedFields: string[] = (['name', 'gender', 'birthDate'] as const).filter(
    (f) => registry[f] !== stated[f],
  );
  if (registry.alive === false) mismatchedFields.push('alive');
  return {
    outcome: mismatchedFields.length ? 'MISMATCH' : 'MATCH',
    mismatchedFields,
    evidence: registry,
  };
}

/** 公安: is this the child the family says, by name, birth date and gender? */
export const identityCheck = defineCheck({
  check: 'IDENTITY',
  activity: 'verifyIdentity',
  appliesTo: () => true,
  queries: [identityQuery],
  async verify(form, ask) {
    const { child } = form;
    const answer = await ask(identityQuery, { name: child.name, idNumber: child.idNumber });
    return identityOutcome(child, answer ? { found: true, ...answer.record } : { found: false });
  },
  family: {
    subject: { zh: '儿童身份信息', en: "The child's identity" },
    document: { zh: '儿童身份证或出生医学证明', en: "the child's ID card or birth certificate" },
  },
  reviewer: {
    zh: '公安人口信息:儿童的姓名、性别、出生日期及是否健在',
    en: "Public-security population registry: the child's name, gender, birth date and that they are alive",
  },
});
