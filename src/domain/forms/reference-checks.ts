import type { Stage } from '../enrolment';
import type { ApplicationForm } from './application-form';
import { violation, type Violation } from './violations';

/**
 * The rules of the form that depend on reference data: the season's age cut-offs and the county's
 * schools. Pure: the caller loads the data.
 */
export interface SeasonRules {
  readonly year: number;
  /** YYYY-MM-DD */
  readonly primaryBornOnOrBefore: string;
  readonly juniorBornOnOrBefore: string;
}

export interface SchoolRef {
  readonly id: string;
  readonly countyCode: string;
  readonly stage: Stage;
}

export function checkAgainstReferenceData(
  form: ApplicationForm,
  season: SeasonRules | undefined,
  schools: ReadonlyMap<string, SchoolRef>,
): Violation[] {
  const violations: Violation[] = [];
  if (!season) {
    violations.push(violation('seasonYear', 'SEASON_NOT_OPEN'));
  } else {
    const cutOff =
      form.stage === 'PRIMARY_1' ? season.primaryBornOnOrBefore : season.juniorBornOnOrBefore;
    if (form.child.birthDate > cutOff)
      violations.push(violation('child.birthDate', 'AGE_BELOW_MINIMUM'));
  }
  form.schoolChoices.forEach((id, i) => {
    const school = schools.get(id);
    if (!school || school.countyCode !== form.countyCode || school.stage !== form.stage) {
      violations.push(violation(`schoolChoices[${i}]`, 'SCHOOL_NOT_AVAILABLE'));
    }
  });
  return violations;
}
