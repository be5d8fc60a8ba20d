import type {
  Family,
  HouseholdRecord,
  PropertyRecord,
  RelationToHead,
  ResidencePermitRecord,
  SocialInsuranceRecord,
} from './family-records';
import type { RegistryPerson } from './population';
import type {
  DepartmentQuery,
  QueryRequest,
  QueryResponse,
} from '../integration/data-sharing/contracts';

/** What a registry answers when it holds a record (the exchange's FOUND data without `result`). */
type Found<Q extends DepartmentQuery> = Omit<
  Extract<QueryResponse<Q>['data'], { result: 'FOUND' }>,
  'result'
>;

/** The departments' registries over a population, indexed the way their queries look things up. */
export class Registries {
  readonly people = new Map<string, RegistryPerson>();
  readonly householdOf = new Map<string, HouseholdRecord>();
  readonly properties = new Map<string, PropertyRecord>();
  readonly permitsOf = new Map<string, ResidencePermitRecord[]>();
  readonly insuranceOf = new Map<string, SocialInsuranceRecord>();
  /** Each child's birth certificate: the family's guardians as its father and mother. */
  readonly birthOf = new Map<
    string,
    { certificateNo: string; parents: readonly RegistryPerson[] }
  >();

  constructor(families: readonly Family[], extraPeople: readonly RegistryPerson[] = []) {
    for (const family of families) this.add(family);
    for (const person of extraPeople) this.people.set(person.idNumber, person);
  }

  add(family: Family): void {
    for (const person of [
      family.child,
      ...family.siblings,
      ...family.guardians,
      ...family.grandparents,
    ])
      this.people.set(person.idNumber, person);
    for (const household of family.households) {
      for (const member of household.members) this.householdOf.set(member.idNumber, household);
    }
    for (const property of family.properties) this.properties.set(property.certificateNo, property);
    for (const permit of family.permits)
      this.permitsOf.set(permit.holderIdNumber, [
        ...(this.permitsOf.get(permit.holderIdNumber) ?? []),
        permit,
      ]);
    for (const record of family.insurance) this.insuranceOf.set(record.idNumber, record);
    this.birthOf.set(family.child.idNumber, {
      certificateNo: `O${family.child.birthDate.slice(0, 4)}${family.familyNo}`,
      parents: family.guardians,
    });
  }
}

/**
 * How each department's registry answers each query of the data-sharing contract; undefined is
 * NOT_FOUND. A query a check asks needs its answer here (checked by type and by unit test).
 */
export const ANSWERS: {
  readonly [Q in DepartmentQuery]: (
    registries: Registries,
    request: QueryRequest<Q>,
  ) => Found<Q> | undefined;
} = {
  identity(registries, request) {
    const person = registries.people.get(request.idNumber);
    if (!person) return undefined;
    const { name, gender, birthDate, divisionCode, alive } = person;
    return {
      nameMatches: name === request.name,
      record: { name, gender, birthDate, divisionCode, alive },
    };
  },
  household(registries, request) {
    const household = registries.householdOf.get(request.idNumber);
    return household && { household: { ...household, members: [...household.members] } };
  },
  residencePermit(registries, request) {
    const permits = registries.permitsOf.get(request.idNumber);
    return permits?.length ? { permits } : undefined;
  },
  realEstate(registries, request) {
    const property = registries.properties.get(request.certificateNo);
    return property && { property: { ...property, holders: [...property.holders] } };
  },
  socialInsurance(registries, request) {
    const record = registries.insuranceOf.get(request.idNumber);
    return record && { record };
  },
  householdRelation(registries, { childIdNumber, guardianIdNumber }) {
    const household = registries.householdOf.get(childIdNumber);
    const child = household?.members.find((m) => m.idNumber === childIdNumber);
    const guardian = household?.members.find((m) => m.idNumber === guardianIdNumber);
    if (!child || !guardian || guardian === child) return undefined;
    return { relation: relationInHousehold(child.relationToHead, guardian.relationToHead) };
  },
  birthCertificate(registries, request) {
    const birth = registries.birthOf.get(request.idNumber);
    if (!birth) return undefined;
    const parent = (gender: 'MALE' | 'FEMALE') =>
      birth.parents.find((p) => p.gender === gender)?.idNumber ?? null;
    return {
      certificate: {
        certificateNo: birth.certificateNo,
        fatherIdNumber: parent('MALE'),
        motherIdNumber: parent('FEMALE'),
      },
    };
  },
};

/** A member's relation to a child of the same household, from both relations to its head. */
function relationInHousehold(child: RelationToHead, member: RelationToHead) {
  const headCouple = member === 'HEAD' || member === 'SPOUSE';
  if (child === 'CHILD' && headCouple) return 'PARENT' as const;
  if (child === 'GRANDCHILD' && member === 'CHILD') return 'PARENT' as const;
  if (child === 'GRANDCHILD' && headCouple) return 'GRANDPARENT' as const;
  return 'OTHER' as const;
}
