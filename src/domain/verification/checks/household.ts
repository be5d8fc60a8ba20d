import type { ApplicationForm } from '../../forms/application-form';
import { sameAddress } from '../../eligibility/predicates';
import { maskResidentId } from '../../resident-id';
import { defineCheck, departmentQuery, notFound, outcome, type CheckResult } from './check';

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

export const householdQuery = departmentQuery<
  { readonly idNumber: string },
  { readonly household: RegistryHousehold }
>()({ name: 'household', endpoint: 'household', path: '/api/gongan/v1/household/query' });

const isHeadCouple = (relationToHead: string) =>
  relationToHead === 'HEAD' || relationToHead === 'SPOUSE';

/** The head and spouse of a household in which the child is a grandchild: the grandparents. */
export function grandparentIdsIn(household: RegistryHousehold, childId: string): string[] {
  const child = household.members.find((m) => m.idNumber === childId);
  if (child?.relationToHead !== 'GRANDCHILD') return [];
  return household.members.filter((m) => isHeadCouple(m.relationToHead)).map((m) => m.idNumber);
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
      if (childIsGrandchild && isHeadCouple(m.relationToHead)) return 'GRANDPARENT' as const;
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

/** 公安 户籍: the child's household, its address, move-in date and members. */
export const householdCheck = defineCheck({
  check: 'HOUSEHOLD',
  activity: 'verifyHousehold',
  appliesTo: () => true,
  queries: [householdQuery],
  async verify(form, ask) {
    const answer = await ask(householdQuery, { idNumber: form.child.idNumber });
    return householdOutcome(form, answer?.household);
  },
  family: {
    subject: { zh: '户籍信息', en: 'The household registration (hukou)' },
    document: { zh: '户口簿', en: 'the hukou booklet' },
  },
  reviewer: {
    zh: '公安户籍信息:儿童户籍所在区划、地址、迁入日期及户内成员',
    en: "Public-security hukou registry: the child's registered division, address, move-in date and household members",
  },
});
