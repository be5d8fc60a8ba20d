import type { FormType, Stage } from '../enrolment';
import type { PolicyCareCategory } from '../forms/application-form';

/**
 * What the departments' registries confirmed about a family: the only input priority may rest
 * on (DESIGN.md §5). A fact the registry did not confirm is absent, never taken from the form.
 */
export interface VerifiedHousehold {
  readonly divisionCode: string;
  readonly address: string;
  readonly catchmentUnit: string | null;
  /** When the child's hukou moved to this address. */
  readonly moveInDate: string;
  /** Relations to the child of the household's members (e.g. a grandparent heading it). */
  readonly memberRelations: readonly ('GUARDIAN' | 'GRANDPARENT' | 'SIBLING' | 'OTHER')[];
}

export interface VerifiedProperty {
  readonly certificateNo: string;
  readonly kind: 'OWNED' | 'PURCHASE_CONTRACT' | 'REGISTERED_RENTAL';
  /** Who holds it, relative to the child. */
  readonly holder: 'GUARDIAN' | 'GRANDPARENT' | 'OTHER';
  /** The guardians hold it alone (for OWNED). */
  readonly soleOwnership: boolean;
  readonly address: string;
  readonly catchmentUnit: string | null;
  readonly registrationDate: string;
}

export interface VerifiedResidencePermit {
  readonly countyCode: string;
  readonly issueDate: string;
  readonly expiryDate: string;
}

export interface VerifiedSocialInsurance {
  readonly cityCode: string;
  readonly monthsPaidLast24: number;
  readonly active: boolean;
}

export interface HousingLock {
  readonly certificateNo: string;
  readonly lockedUntil: string;
  readonly applicationNo: string;
}

export interface VerifiedFacts {
  readonly seasonYear: number;
  readonly stage: Stage;
  readonly formType: FormType;
  readonly countyCode: string;
  readonly cityCode: string;
  readonly identityConfirmed: boolean;
  readonly birthDate: string;
  readonly household?: VerifiedHousehold;
  readonly property?: VerifiedProperty;
  readonly residencePermit?: VerifiedResidencePermit;
  readonly socialInsurance?: VerifiedSocialInsurance;
  /** Policy care (政策性照顾) confirmed by the bureau; a claim alone does not count. */
  readonly policyCareConfirmed: boolean;
  /** Which policy care the bureau confirmed (政策性照顾 category), when it did. */
  readonly policyCareCategory?: PolicyCareCategory;
  /** JUNIOR_1: the primary school the child attends (for feeder relations). */
  readonly currentPrimarySchoolId?: string;
  /** A lock on the housing certificate from an earlier admission, if any. */
  readonly housingLock?: HousingLock;
}

/** A school as priority sees it: where its catchment is and which primaries feed it. */
export interface SchoolCatchment {
  readonly id: string;
  readonly stage: Stage;
  readonly catchmentUnits: readonly string[];
  readonly feederPrimaryIds: readonly string[];
}
