import type { ApplicationForm } from '../forms/application-form';
import type {
  Check,
  CheckResult,
  HouseholdEvidence,
  InsuranceEvidence,
  PermitEvidence,
  PropertyEvidence,
} from '../verification/checks';
import { relationUnconfirmed } from '../guardianship';
import type { HousingLock, VerifiedFacts } from './facts';

export type CheckResults = Partial<Record<Check, CheckResult>>;

function evidenceOf<E>(result: CheckResult | undefined): E | undefined {
  const evidence = result?.evidence as { found?: boolean } | undefined;
  // MATCH and MISMATCH both carry what the registry holds; that, not the statement, is the fact.
  return evidence?.found === true ? (evidence as E) : undefined;
}

export interface FactsContext {
  readonly cityCode: string;
  readonly housingLock?: HousingLock;
  readonly policyCareConfirmed?: boolean;
}

/** The verified facts of a case: the registries' answers, never the family's statements. */
export function factsFromChecks(
  form: ApplicationForm,
  checks: CheckResults,
  context: FactsContext,
): VerifiedFacts {
  const household = evidenceOf<HouseholdEvidence>(checks.HOUSEHOLD);
  const property = evidenceOf<PropertyEvidence>(checks.PROPERTY);
  const permit = evidenceOf<PermitEvidence>(checks.RESIDENCE_PERMIT);
  const insurance = evidenceOf<InsuranceEvidence>(checks.SOCIAL_INSURANCE);
  return {
    seasonYear: form.seasonYear,
    stage: form.stage,
    formType: form.formType,
    countyCode: form.countyCode,
    cityCode: context.cityCode,
    identityConfirmed: checks.IDENTITY?.outcome === 'MATCH',
    birthDate: form.child.birthDate,
    policyCareConfirmed: context.policyCareConfirmed ?? false,
    ...(household && {
      household: {
        divisionCode: household.divisionCode,
        address: household.address,
        catchmentUnit: household.catchmentUnit,
        moveInDate: household.childMoveInDate,
        memberRelations: household.memberRelations,
      },
    }),
    ...(property && {
      property: {
        certificateNo: property.certificateNo,
        kind: property.kind,
        holder: property.holder,
        soleOwnership: property.soleOwnership,
        address: property.address,
        catchmentUnit: property.catchmentUnit,
        registrationDate: property.registrationDate,
      },
    }),
    ...(permit && {
      residencePermit: {
        countyCode: permit.countyCode,
        issueDate: permit.issueDate,
        expiryDate: permit.expiryDate,
      },
    }),
    ...(insurance && {
      socialInsurance: {
        cityCode: insurance.cityCode,
        monthsPaidLast24: insurance.monthsPaidLast24,
        active: insurance.active,
      },
    }),
    ...(form.currentPrimarySchool?.schoolId && {
      currentPrimarySchoolId: form.currentPrimarySchool.schoolId,
    }),
    ...(context.housingLock && { housingLock: context.housingLock }),
  };
}

/** One field as the family stated it and as the registry holds it; the registry's value is used. */
export interface AutoFilledField {
  readonly field: string;
  readonly stated: string | null;
  readonly registry: string;
  readonly agrees: boolean;
}

/**
 * What the registries fill in (hukou address, move-in date, property address and registration)
 * so families need not type it twice, with each disagreement shown. Nothing, for guardians the
 * registry did not confirm as the child's: that case is checked in person instead.
 */
export function autoFill(form: ApplicationForm, checks: CheckResults): AutoFilledField[] {
  if (relationUnconfirmed(checks)) return [];
  const fields: AutoFilledField[] = [];
  const add = (
    field: string,
    stated: string | null | undefined,
    registry: string,
    agrees: boolean,
  ) => fields.push({ field, stated: stated ?? null, registry, agrees });
  const household = evidenceOf<HouseholdEvidence>(checks.HOUSEHOLD);
  if (household) {
    add(
      'child.hukouAddress',
      form.child.hukouAddress,
      household.address,
      !checks.HOUSEHOLD!.mismatchedFields.includes('child.hukouAddress'),
    );
    add(
      'child.hukouDivisionCode',
      form.child.hukouDivisionCode,
      household.divisionCode,
      household.divisionCode === form.child.hukouDivisionCode,
    );
    add('child.hukouMoveInDate', null, household.childMoveInDate, true);
  }
  const property = evidenceOf<PropertyEvidence>(checks.PROPERTY);
  if (property) {
    add(
      'housing.address',
      form.housing?.address,
      property.address,
      !checks.PROPERTY!.mismatchedFields.includes('housing.address'),
    );
    add('housing.registrationDate', null, property.registrationDate, true);
  }
  const permit = evidenceOf<PermitEvidence>(checks.RESIDENCE_PERMIT);
  if (permit) {
    add(
      'residencePermit.issueDate',
      form.residencePermit?.issueDate,
      permit.issueDate,
      permit.issueDate === form.residencePermit?.issueDate,
    );
    add('residencePermit.expiryDate', null, permit.expiryDate, true);
  }
  const insurance = evidenceOf<InsuranceEvidence>(checks.SOCIAL_INSURANCE);
  if (insurance) {
    add(
      'employment.socialInsuranceMonths',
      form.employment ? String(form.employment.socialInsuranceMonths) : null,
      String(insurance.monthsPaidLast24),
      !checks.SOCIAL_INSURANCE!.mismatchedFields.length,
    );
  }
  return fields;
}
