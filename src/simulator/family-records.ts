import type { RegistryPerson } from './population';

/**
 * A synthetic family as the departments' registries hold it: 公安 (people, households, residence
 * permits), 自然资源/住建 (homes, purchase contracts, registered rentals) and 人社 (social
 * insurance). The archetypes cover every priority tier.
 */
export const ARCHETYPES = [
  'SOLE_OWNER_AT_HUKOU',
  'CO_OWNER_AT_HUKOU',
  'HUKOU_AND_HOME_ELSEWHERE',
  'GRANDPARENT_HOME',
  'HUKOU_OLD_NO_HOME',
  'HOME_HUKOU_ELSEWHERE',
  'HUKOU_RECENT_NO_HOME',
  'MIGRANT_FOUR_PROOFS',
  'MIGRANT_SHORT_INSURANCE',
  'MIGRANT_NO_PERMIT',
] as const;
export type Archetype = (typeof ARCHETYPES)[number];

/** Relation of a household member to its head (户主). */
export type RelationToHead = 'HEAD' | 'SPOUSE' | 'CHILD' | 'GRANDCHILD' | 'OTHER';

export interface HouseholdRecord {
  readonly householdNo: string;
  readonly divisionCode: string;
  readonly address: string;
  readonly catchmentUnit: string | null;
  readonly members: readonly {
    readonly idNumber: string;
    readonly name: string;
    readonly relationToHead: RelationToHead;
    readonly moveInDate: string;
  }[];
}

export interface PropertyRecord {
  readonly certificateNo: string;
  readonly kind: 'OWNED' | 'PURCHASE_CONTRACT' | 'REGISTERED_RENTAL';
  readonly holders: readonly {
    readonly idNumber: string;
    readonly name: string;
    readonly share: number;
  }[];
  readonly divisionCode: string;
  readonly address: string;
  readonly catchmentUnit: string | null;
  readonly registrationDate: string;
}

export interface ResidencePermitRecord {
  readonly permitNo: string;
  readonly holderIdNumber: string;
  readonly holderName: string;
  readonly countyCode: string;
  readonly issueDate: string;
  readonly expiryDate: string;
}

export interface SocialInsuranceRecord {
  readonly idNumber: string;
  readonly cityCode: string;
  readonly monthsPaidLast24: number;
  readonly status: 'ACTIVE' | 'SUSPENDED';
}

export interface Family {
  readonly familyNo: string;
  readonly archetype: Archetype;
  readonly countyCode: string;
  readonly child: RegistryPerson;
  readonly siblings: readonly RegistryPerson[];
  readonly guardians: readonly RegistryPerson[];
  readonly grandparents: readonly RegistryPerson[];
  readonly households: readonly HouseholdRecord[];
  readonly properties: readonly PropertyRecord[];
  readonly permits: readonly ResidencePermitRecord[];
  readonly insurance: readonly SocialInsuranceRecord[];
}
