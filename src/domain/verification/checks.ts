import type { CheckOutcome } from '../enrolment';
import type { ApplicationForm } from '../forms/application-form';
import { sameAddress } from '../eligibility/predicates';
import { maskResidentId } from '../resident-id';

/**
 * Each check compares what the family stated with what a department's registry holds, names
 * every field that disagrees, and keeps the registry's answer as evidence: the registry wins,
 * and priority rests on the evidence, not on the statement (DESIGN.md §3, §5).
 */
export const CHECKS = [
  'IDENTITY',
  'HOUSEHOLD',
  'PROPERTY',
  'RESIDENCE_PERMIT',
  'SOCIAL_INSURANCE',
] as const;
export type Check = (typeof CHECKS)[number];

export interface HouseholdEvidence {
  readonly found: true;
  readonly householdNo: string;
  readonly divisionCode: string;
  readonly address: string;
  readonly catchmentUnit: string | null;
  readonly childMoveInDate: string;
  readonly memberRelations: readonly ('GUARDIAN' | 'GRANDPARENT' | 'SIBLING' | 'OTHER')[];
  readonly members: readonly {
    readonly idNumber: string;
    readonly name: string;
    readonly relationToHead: string;
  }[];
}

export interface PropertyEvidence {
  readonly found: true;
  readonly certificateNo: string;
  readonly kind: 'OWNED' | 'PURCHASE_CONTRACT' | 'REGISTERED_RENTAL';
  readonly holder: 'GUARDIAN' | 'GRANDPARENT' | 'OTHER';
  readonly soleOwnership: boolean;
  readonly address: string;
  readonly catchmentUnit: string | null;
  readonly registrationDate: string;
  readonly holders: readonly {
    readonly idNumber: string;
    readonly name: string;
    readonly share: number;
  }[];
}

export interface PermitEvidence {
  readonly found: true;
  readonly permitNo: string;
  readonly countyCode: string;
  readonly issueDate: string;
  readonly expiryDate: string;
  readonly holderIdNumber: string;
}

export interface InsuranceEvidence {
  readonly found: true;
  readonly cityCode: string;
  readonly monthsPaidLast24: number;
  readonly active: boolean;
}

export interface CheckResult<E = unknown> {
  readonly outcome: CheckOutcome;
  readonly mismatchedFields: string[];
  readonly evidence: E | { readonly found: false } | { readonly reason: string };
}

const notFound: CheckResult = {
  outcome: 'NOT_FOUND',
  mismatchedFields: [],
  evidence: { found: false },
};

function outcome<E>(mismatchedFields: string[], evidence: E): CheckResult<E> {
  return { outcome: mismatchedFields.length ? 'MISMATCH' : 'MATCH', mismatchedFields, evidence };
}

/** Which checks a form calls for: property only with a housing claim, permit and insurance for Form B. */
export function checksFor(form: ApplicationForm): Check[] {
  const checks: Check[] = ['IDENTITY', 'HOUSEHOLD'];
  if (form.housing && form.housing.type !== 'NONE' && form.housing.certificateNo)
    checks.push('PROPERTY');
  if (form.formType === 'B') checks.push('RESIDENCE_PERMIT', 'SOCIAL_INSURANCE');
  return checks;
}

export interface RegistryHousehold {
  readonly householdNo: string;
  readonly divisionCode: string;
  readonly address: string;
  readonly catchmentUnit: string | null;
  readonly members: readonly {
    readonly idNumber: string;
    readonly name: string;
    readonly relationToHead: string;
    readonly moveInDate: string;
  }[];
}

export function householdOutcome(
  form: ApplicationForm,
  household: RegistryHousehold | undefined,
): CheckResult<HouseholdEvidence> | CheckResult {
  const child = household?.members.find((m) => m.idNumber === form.child.idNumber);
  if (!household || !child) return notFound;
  const guardianIds = new Set(form.guardians.map((g) => g.idNumber));
  const childIsGrandchild = child.relationToHead === 'GRANDCHILD';
  const memberRelations = household.members
    .filter((m) => m.idNumber !== child.idNumber)
    .map((m) => {
      if (guardianIds.has(m.idNumber)) return 'GUARDIAN' as const;
      if (childIsGrandchild && (m.relationToHead === 'HEAD' || m.relationToHead === 'SPOUSE'))
        return 'GRANDPARENT' as const;
      if (m.relationToHead === child.relationToHead) return 'SIBLING' as const;
      return 'OTHER' as const;
    });
  const mismatched: string[] = [];
  if (household.divisionCode !== form.child.hukouDivisionCode)
    mismatched.push('child.hukouDivisionCode');
  if (!sameAddress(household.address, form.child.hukouAddress))
    mismatched.push('child.hukouAddress');
  return outcome(mismatched, {
    found: true,
    householdNo: household.householdNo,
    divisionCode: household.divisionCode,
    address: household.address,
    catchmentUnit: household.catchmentUnit,
    childMoveInDate: child.moveInDate,
    memberRelations,
    members: household.members.map((m) => ({
      idNumber: maskResidentId(m.idNumber),
      name: m.name,
      relationToHead: m.relationToHead,
    })),
  });
}

export interface RegistryProperty {
  readonly certificateNo: string;
  readonly kind: 'OWNED' | 'PURCHASE_CONTRACT' | 'REGISTERED_RENTAL';
  readonly holders: readonly {
    readonly idNumber: string;
    readonly name: string;
    readonly share: number;
  }[];
  readonly address: string;
  readonly catchmentUnit: string | null;
  readonly registrationDate: string;
}

const STATED_KIND: Record<string, RegistryProperty['kind']> = {
  OWNED_SOLE: 'OWNED',
  OWNED_SHARED: 'OWNED',
  GRANDPARENT_OWNED: 'OWNED',
  PURCHASE_CONTRACT: 'PURCHASE_CONTRACT',
  REGISTERED_RENTAL: 'REGISTERED_RENTAL',
};

/**
 * @param grandparentIds people the household check found to be the child's grandparents
 */
export function propertyOutcome(
  form: ApplicationForm,
  property: RegistryProperty | undefined,
  grandparentIds: readonly string[],
): CheckResult<PropertyEvidence> | CheckResult {
  const housing = form.housing;
  if (!property || !housing) return notFound;
  const guardianIds = new Set(form.guardians.map((g) => g.idNumber));
  const holderIds = property.holders.map((h) => h.idNumber);
  const holder = holderIds.some((id) => guardianIds.has(id))
    ? 'GUARDIAN'
    : holderIds.some((id) => grandparentIds.includes(id))
      ? 'GRANDPARENT'
      : 'OTHER';
  const soleOwnership = holderIds.every((id) => guardianIds.has(id));
  const mismatched: string[] = [];
  if (STATED_KIND[housing.type] !== property.kind) mismatched.push('housing.type');
  if (housing.type === 'OWNED_SOLE' && !soleOwnership) mismatched.push('housing.type');
  if (housing.type === 'OWNED_SHARED' && soleOwnership) mismatched.push('housing.type');
  if ((housing.type === 'GRANDPARENT_OWNED') !== (holder === 'GRANDPARENT') || holder === 'OTHER')
    mismatched.push('housing.holder');
  if (housing.address && !sameAddress(housing.address, property.address))
    mismatched.push('housing.address');
  return outcome([...new Set(mismatched)], {
    found: true,
    certificateNo: property.certificateNo,
    kind: property.kind,
    holder,
    soleOwnership,
    address: property.address,
    catchmentUnit: property.catchmentUnit,
    registrationDate: property.registrationDate,
    holders: property.holders.map((h) => ({
      idNumber: maskResidentId(h.idNumber),
      name: h.name,
      share: h.share,
    })),
  });
}

export interface RegistryPermit {
  readonly permitNo: string;
  readonly holderIdNumber: string;
  readonly countyCode: string;
  readonly issueDate: string;
  readonly expiryDate: string;
}

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

export interface RegistryInsurance {
  readonly cityCode: string;
  readonly monthsPaidLast24: number;
  readonly status: 'ACTIVE' | 'SUSPENDED';
}

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
