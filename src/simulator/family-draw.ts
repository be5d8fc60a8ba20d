import type {
  Archetype,
  HouseholdRecord,
  PropertyRecord,
  RelationToHead,
  ResidencePermitRecord,
  SocialInsuranceRecord,
} from './family-records';
import { cityOf, type PopulationGenerator, type Place } from './family-generator';
import type { RegistryPerson } from './population';

/**
 * One family drawn from the generator: its people and addresses (drawn on construction), and
 * the registry records an archetype gives them. Every method draws from the shared stream, so
 * the order of calls is part of the population: reordering them changes every later family.
 */
export class FamilyDraw {
  readonly archetype: Archetype;
  readonly countyCode: string;
  readonly surname: string;
  readonly father: RegistryPerson;
  readonly guardians: readonly RegistryPerson[];
  readonly child: RegistryPerson;
  readonly siblings: readonly RegistryPerson[];
  readonly grandparents: readonly RegistryPerson[];
  /** Where the family lives, and another address in the same county. */
  readonly here: Place;
  readonly elsewhereInCounty: Place;
  private readonly hometown: { readonly code: string; readonly prefix: string };

  constructor(
    readonly gen: PopulationGenerator,
    readonly familyNo: string,
  ) {
    this.archetype = gen.archetype();
    this.countyCode = gen.county();
    const migrant = this.archetype.startsWith('MIGRANT');
    this.hometown = gen.hometown();
    this.surname = gen.surname();
    const originCode = migrant ? this.hometown.code : this.countyCode;
    this.father = gen.person(this.surname, originCode, '1980-01-01', '1994-12-31', 'MALE');
    const mother = gen.person(gen.surname(), originCode, '1982-01-01', '1995-12-31', 'FEMALE');
    this.guardians = gen.int(0, 9) < 8 ? [this.father, mother] : [this.father];
    this.child = gen.person(this.surname, originCode, '2013-09-01', '2020-08-31');
    this.siblings =
      gen.int(0, 9) < 3 ? [gen.person(this.surname, originCode, '2010-01-01', '2022-12-31')] : [];
    this.grandparents =
      this.archetype === 'GRANDPARENT_HOME'
        ? [gen.person(this.surname, this.countyCode, '1950-01-01', '1965-12-31', 'MALE')]
        : [];
    this.here = gen.address(this.countyCode);
    this.elsewhereInCounty = gen.address(this.countyCode);
  }

  /** A 户口 registered long enough ago to count as settled. */
  oldMove(): string {
    return this.gen.date('2012-01-01', '2025-06-30');
  }

  household(
    at: Place,
    divisionCode: string,
    head: RegistryPerson,
    moveIn: string,
    childRelation: RelationToHead = 'CHILD',
  ): HouseholdRecord {
    return {
      householdNo: `HH${this.familyNo}`,
      divisionCode,
      address: at.address,
      catchmentUnit: at.catchmentUnit,
      members: this.members(head, moveIn, childRelation),
    };
  }

  /** A migrant family's household, registered in its hometown. */
  hometownHousehold(): HouseholdRecord {
    return this.household(
      { address: `${this.hometown.prefix}${this.gen.int(1, 200)}号`, catchmentUnit: null },
      this.hometown.code,
      this.father,
      this.gen.date('2012-01-01', '2020-12-31'),
    );
  }

  owned(
    at: Place,
    holders: readonly RegistryPerson[],
    kind: PropertyRecord['kind'] = 'OWNED',
  ): PropertyRecord {
    const registrationDate =
      kind === 'REGISTERED_RENTAL'
        ? this.gen.date('2024-06-01', '2026-03-31')
        : this.gen.date('2008-01-01', '2025-06-30');
    return {
      certificateNo: this.gen.certificate(kind, this.countyCode, registrationDate.slice(0, 4)),
      kind,
      holders: holders.map((h) => ({
        idNumber: h.idNumber,
        name: h.name,
        share: Math.round(100 / holders.length),
      })),
      divisionCode: this.countyCode,
      address: at.address,
      catchmentUnit: at.catchmentUnit,
      registrationDate,
    };
  }

  /** The guardians' social insurance: the first paid `months`, the others at most that. */
  insured(months: number): SocialInsuranceRecord[] {
    return this.guardians.map((g, i) => ({
      idNumber: g.idNumber,
      cityCode: cityOf(this.countyCode),
      monthsPaidLast24: i === 0 ? months : this.gen.int(0, months),
      status: 'ACTIVE',
    }));
  }

  permit(holder: RegistryPerson): ResidencePermitRecord {
    const issueDate = this.gen.date('2019-01-01', '2025-12-31');
    return {
      permitNo: `${this.countyCode}${issueDate.replaceAll('-', '').slice(0, 6)}${this.familyNo.slice(-6)}`,
      holderIdNumber: holder.idNumber,
      holderName: holder.name,
      countyCode: this.countyCode,
      issueDate,
      expiryDate: `${Number(issueDate.slice(0, 4)) + 5}${issueDate.slice(4)}`,
    };
  }

  private members(head: RegistryPerson, moveIn: string, childRelation: RelationToHead) {
    return [
      {
        idNumber: head.idNumber,
        name: head.name,
        relationToHead: 'HEAD' as const,
        moveInDate: this.gen.date('2000-01-01', '2015-12-31'),
      },
      ...this.guardians
        .filter((g) => g !== head)
        .map((g) => ({
          idNumber: g.idNumber,
          name: g.name,
          relationToHead: childRelation === 'GRANDCHILD' ? ('CHILD' as const) : ('SPOUSE' as const),
          moveInDate: moveIn,
        })),
      ...[this.child, ...this.siblings].map((c) => ({
        idNumber: c.idNumber,
        name: c.name,
        relationToHead: childRelation,
        moveInDate: moveIn,
      })),
    ];
  }
}
