import type { ApplicationForm } from '../../forms/application-form';
import { sameAddress } from '../../eligibility/predicates';
import { maskResidentId } from '../../resident-id';
import { defineCheck, departmentQuery, notFound, outcome, type CheckResult } from './check';
import { grandparentIdsIn, householdQuery } from './household';

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

export const realEstateQuery = departmentQuery<
  { readonly certificateNo: string },
  { readonly property: RegistryProperty }
>()({ name: 'realEstate', endpoint: 'real-estate', path: '/api/zrzy/v1/real-estate/query' });

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

/** 自然资源 不动产登记 (and registered rentals): the home the application relies on. */
export const propertyCheck = defineCheck({
  check: 'PROPERTY',
  activity: 'verifyProperty',
  // Only a housing claim with a certificate has a record to look up.
  appliesTo: (form) =>
    !!(form.housing && form.housing.type !== 'NONE' && form.housing.certificateNo),
  queries: [realEstateQuery, householdQuery],
  async verify(form, ask) {
    const certificateNo = form.housing?.certificateNo;
    if (!certificateNo) return propertyOutcome(form, undefined, []);
    const answer = await ask(realEstateQuery, { certificateNo });
    if (!answer) return propertyOutcome(form, undefined, []);
    const guardians = new Set(form.guardians.map((g) => g.idNumber));
    // Whether a holder who is not a guardian is a grandparent only the child's household tells.
    if (answer.property.holders.some((h) => guardians.has(h.idNumber)))
      return propertyOutcome(form, answer.property, []);
    const household = await ask(householdQuery, { idNumber: form.child.idNumber });
    const grandparentIds = household
      ? grandparentIdsIn(household.household, form.child.idNumber)
      : [];
    return propertyOutcome(form, answer.property, grandparentIds);
  },
  family: {
    subject: { zh: '住房信息', en: 'The housing record' },
    document: {
      zh: '不动产权证、购房合同或租赁备案证明',
      en: 'the property certificate, purchase contract or rental registration',
    },
  },
  reviewer: {
    zh: '自然资源不动产登记(含租赁备案):房屋类型、权利人及其与儿童的关系、地址',
    en: 'Natural-resources real-estate registry (and registered rentals): the kind of home, its holders and their relation to the child, its address',
  },
});
