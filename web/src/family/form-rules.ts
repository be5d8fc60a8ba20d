import { applicationFormSchema } from '../../../src/domain/forms/application-form';
import { toViolations, type Violation } from '../../../src/domain/forms/violations';

/**
 * The family's guided form checks what the user types with the API's own schema
 * (src/domain/forms), so the rules and their messages are the ones the API answers with.
 */

/** What the page's fields hold: the API's form shape, with sections possibly left empty. */
export interface FamilyFormValues {
  readonly seasonYear?: number;
  readonly stage?: string;
  readonly countyCode?: string;
  readonly formType?: 'A' | 'B';
  readonly child?: Record<string, unknown>;
  readonly guardians?: Array<Record<string, unknown> | undefined>;
  readonly housing?: { type?: string; certificateNo?: string; address?: string };
  readonly residencePermit?: Record<string, unknown>;
  readonly employment?: {
    type?: string;
    employerOrLicence?: string;
    socialInsuranceMonths?: number | string;
  };
  readonly schoolChoices?: Array<string | undefined>;
  readonly consent?: {
    dataVerification?: boolean;
    guardianConsentForChild?: boolean;
    /** The version of the consent text the page showed (GET /consent-texts). */
    textVersion?: string;
  };
}

/** The steps of the guided form and the top-level fields each one fills. */
export const STEPS = [
  ['stage', 'countyCode', 'formType', 'seasonYear', 'channel'],
  ['child'],
  ['guardians'],
  ['housing', 'residencePermit', 'employment'],
  ['schoolChoices', 'consent'],
] as const;

const blank = (value: unknown) => value === undefined || value === null || value === '';
const withoutBlanks = (section: Record<string, unknown> | undefined) =>
  section && Object.fromEntries(Object.entries(section).filter(([, v]) => !blank(v)));

/** The body the API takes, from what the fields hold (empty optional parts left out). */
export function toApplicationForm(values: FamilyFormValues): Record<string, unknown> {
  const formB = values.formType === 'B';
  const housing = withoutBlanks(values.housing);
  const employment = withoutBlanks(values.employment);
  if (employment && typeof employment.socialInsuranceMonths === 'string')
    employment.socialInsuranceMonths = Number(employment.socialInsuranceMonths);
  const permit = withoutBlanks(values.residencePermit);
  return {
    seasonYear: values.seasonYear,
    stage: values.stage,
    countyCode: values.countyCode,
    formType: values.formType,
    channel: 'ONLINE_MOBILE',
    child: { idType: 'RESIDENT_ID', ...withoutBlanks(values.child) },
    guardians: (values.guardians ?? [{}]).filter(Boolean).map((g) => withoutBlanks(g)),
    ...(housing && Object.keys(housing).length ? { housing } : {}),
    ...(formB && permit && Object.keys(permit).length ? { residencePermit: permit } : {}),
    ...(formB && employment && Object.keys(employment).length ? { employment } : {}),
    schoolChoices: (values.schoolChoices ?? []).filter((s): s is string => !blank(s)),
    consent: {
      dataVerification: values.consent?.dataVerification ?? false,
      guardianConsentForChild: values.consent?.guardianConsentForChild ?? false,
      ...(values.consent?.textVersion ? { textVersion: values.consent.textVersion } : {}),
    },
  };
}

/** Every rule the form breaks, exactly as the API would list it. */
export function formViolations(values: FamilyFormValues): Violation[] {
  const parsed = applicationFormSchema.safeParse(toApplicationForm(values), { reportInput: true });
  return parsed.success ? [] : toViolations(parsed.error);
}

/** The violations of one step (by the top-level field each is about). */
export function stepViolations(violations: readonly Violation[], step: number): Violation[] {
  const fields: readonly string[] = STEPS[step] ?? [];
  return violations.filter((v) => fields.includes(v.path.split(/[.[]/)[0]!));
}
