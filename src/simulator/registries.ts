import type {
  Family,
  HouseholdRecord,
  PropertyRecord,
  ResidencePermitRecord,
  SocialInsuranceRecord,
} from './families';
import type { RegistryPerson } from './population';

/** The departments' registries over a population, indexed the way their queries look things up. */
export class Registries {
  readonly people = new Map<string, RegistryPerson>();
  readonly householdOf = new Map<string, HouseholdRecord>();
  readonly properties = new Map<string, PropertyRecord>();
  readonly permitsOf = new Map<string, ResidencePermitRecord[]>();
  readonly insuranceOf = new Map<string, SocialInsuranceRecord>();

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
  }
}
