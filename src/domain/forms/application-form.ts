import { z } from 'zod';
import { CONSENT_VERSIONS, CURRENT_CONSENT_VERSION } from '../consent';
import { CHANNELS, FORM_TYPES, STAGES } from '../enrolment';
import { isGuangxiCounty } from '../reference/guangxi-divisions';
import { parseResidentId } from '../resident-id';
import {
  addRuleIssue,
  address,
  divisionCode,
  ethnicityCode,
  guangxiCounty,
  isoDate,
  mobileNumber,
  personName,
  residentIdNumber,
  text,
} from './primitives';

/**
 * The unified application form (DESIGN.md §4): one schema for Form A (户籍类) and Form B
 * (随迁子女), with the rules that tie sections to the form type and the stage. Unknown fields are
 * rejected, never silently stored; every violation is reported at once.
 */

export const GUARDIAN_RELATIONS = [
  'FATHER',
  'MOTHER',
  'PATERNAL_GRANDFATHER',
  'PATERNAL_GRANDMOTHER',
  'MATERNAL_GRANDFATHER',
  'MATERNAL_GRANDMOTHER',
  'LEGAL_GUARDIAN',
] as const;

export const HOUSING_TYPES = [
  'OWNED_SOLE',
  'OWNED_SHARED',
  'GRANDPARENT_OWNED',
  'PURCHASE_CONTRACT',
  'REGISTERED_RENTAL',
  'NONE',
] as const;

/** The residence proofs Form B accepts (DESIGN.md §4). */
export const FORM_B_HOUSING: readonly (typeof HOUSING_TYPES)[number][] = [
  'OWNED_SOLE',
  'OWNED_SHARED',
  'PURCHASE_CONTRACT',
  'REGISTERED_RENTAL',
];

export const POLICY_CARE_CATEGORIES = [
  'MILITARY',
  'MARTYR_FAMILY',
  'FIREFIGHTER',
  'HIGH_LEVEL_TALENT',
  'OVERSEAS_CHINESE',
  'OTHER_POLICY',
] as const;
export type PolicyCareCategory = (typeof POLICY_CARE_CATEGORIES)[number];

const child = z.strictObject({
  name: personName.describe('Child name (姓名); Chinese characters, · for ethnic names'),
  idType: z
    .enum(['RESIDENT_ID'])
    .describe('ID document type; the resident identity card (居民身份证)'),
  idNumber: residentIdNumber.describe(
    '18-character resident ID number; full-width digits and x accepted',
  ),
  birthDate: isoDate.describe('YYYY-MM-DD; must agree with the ID number'),
  gender: z.enum(['MALE', 'FEMALE']).describe('Must agree with the ID number'),
  ethnicity: ethnicityCode.describe('GB/T 3304 code, e.g. 01 汉族, 02 蒙古族, 08 壮族'),
  hukouAddress: address.describe('Household registration address (户籍地址)'),
  hukouDivisionCode: divisionCode.describe('GB/T 2260 code of the hukou county'),
  currentAddress: address.describe('Where the child lives now'),
});

const guardian = z.strictObject({
  name: personName.describe('Guardian name'),
  relation: z.enum(GUARDIAN_RELATIONS).describe('Relation to the child'),
  idNumber: residentIdNumber.describe("Guardian's resident ID number"),
  mobile: mobileNumber.describe('Mainland mobile number, 11 digits'),
  employer: text(100).optional().describe('Employer or business (optional)'),
});

const housing = z.strictObject({
  type: z.enum(HOUSING_TYPES).describe('Housing the claim rests on'),
  certificateNo: text(64)
    .optional()
    .describe('Property certificate (不动产权证) or contract number'),
  address: address.optional().describe('Address of the home'),
  ownerName: personName.optional().describe('Registered owner, when not a guardian'),
});

const residencePermit = z.strictObject({
  number: text(32).describe('Residence permit (居住证) number'),
  issueDate: isoDate.describe('Issue date, YYYY-MM-DD'),
  issuingCountyCode: guangxiCounty.describe('County that issued it'),
});

const employment = z.strictObject({
  type: z
    .enum(['EMPLOYED', 'SELF_EMPLOYED'])
    .describe('Employed, or self-employed with a business licence'),
  employerOrLicence: text(100).describe('Employer name or business licence number'),
  socialInsuranceMonths: z
    .number()
    .int()
    .min(0)
    .max(600)
    .describe('Months of social insurance paid in the city (declared)'),
});

const policyCare = z.strictObject({
  category: z.enum(POLICY_CARE_CATEGORIES).describe('政策性照顾 category'),
  proofNo: text(64).describe('Number of the document proving it'),
});

const currentPrimarySchool = z.strictObject({
  name: text(60).describe('Primary school the child attends now'),
  divisionCode: divisionCode.describe('County of that school'),
  schoolId: text(32)
    .optional()
    .describe('Its id, when it is a school of this system (feeder relations)'),
});

export const applicationFormSchema = z
  .strictObject({
    seasonYear: z.number().int().min(2024).max(2100).describe('Season (enrolment year), e.g. 2026'),
    stage: z.enum(STAGES).describe('PRIMARY_1 (幼升小) or JUNIOR_1 (小升初)'),
    countyCode: guangxiCounty.describe(
      'GB/T 2260 code of the Guangxi county or district applied to',
    ),
    formType: z
      .enum(FORM_TYPES)
      .describe('A: 户籍类 (hukou in the county); B: 随迁子女 (non-local)'),
    channel: z
      .enum(CHANNELS)
      .describe('Entry channel; must match the caller (online for families, OFFLINE for staff)'),
    child,
    guardians: z.array(guardian).min(1).max(2).describe('One or two guardians'),
    housing: housing.optional().describe('Housing the application relies on'),
    residencePermit: residencePermit.optional().describe('Form B only: residence permit'),
    employment: employment
      .optional()
      .describe('Form B only: employment or social-insurance declaration'),
    schoolChoices: z
      .array(text(32))
      .min(1)
      .max(3)
      .describe('1–3 distinct school ids of the county and stage, in order of preference'),
    policyCare: policyCare.optional().describe('Policy care (政策性照顾) claimed, with proof'),
    currentPrimarySchool: currentPrimarySchool
      .optional()
      .describe('JUNIOR_1 only: the current primary school'),
    lateEntryReason: text(500)
      .optional()
      .describe(
        'Registration-point staff only, after the registration window closed: why the case is entered late (audited)',
      ),
    consent: z.strictObject({
      dataVerification: z
        .boolean()
        .superRefine((given, ctx) => {
          if (!given) addRuleIssue(ctx, 'CONSENT_REQUIRED');
        })
        .describe('Consent to verification against department data; must be true'),
      guardianConsentForChild: z
        .boolean()
        .superRefine((given, ctx) => {
          if (!given) addRuleIssue(ctx, 'GUARDIAN_CONSENT_REQUIRED');
        })
        .describe("A guardian's consent to processing the child's data; must be true"),
      textVersion: z
        .enum(CONSENT_VERSIONS)
        .optional()
        .describe(
          `Version of the consent text the guardian read (GET /consent-texts); omitted = ${CURRENT_CONSENT_VERSION}`,
        ),
      paperForm: z
        .strictObject({
          documentSha256: z
            .string()
            .regex(/^[0-9a-f]{64}$/)
            .describe('The signed form as uploaded by POST /registration/consent-forms'),
        })
        .optional()
        .describe('OFFLINE only, and required there: the guardian signed the consent on paper'),
    }),
  })
  .superRefine((form, ctx) => {
    const childId = parseResidentId(form.child.idNumber);
    if (childId.ok) {
      if (childId.value.birthDate !== form.child.birthDate)
        addRuleIssue(ctx, 'ID_BIRTH_DATE_MISMATCH', ['child', 'birthDate']);
      if (childId.value.gender !== form.child.gender)
        addRuleIssue(ctx, 'ID_GENDER_MISMATCH', ['child', 'gender']);
    }

    // The season anchors the adulthood check; with an invalid season there is nothing to compare.
    const seasonKnown = Number.isInteger(form.seasonYear) && form.seasonYear >= 2024;
    const seenGuardians = new Set<string>();
    form.guardians.forEach((g, i) => {
      const parsed = parseResidentId(g.idNumber);
      if (g.idNumber === form.child.idNumber)
        addRuleIssue(ctx, 'GUARDIAN_ID_EQUALS_CHILD', ['guardians', i, 'idNumber']);
      else if (seenGuardians.has(g.idNumber))
        addRuleIssue(ctx, 'GUARDIANS_DUPLICATE', ['guardians', i, 'idNumber']);
      else if (
        seasonKnown &&
        parsed.ok &&
        Number(parsed.value.birthDate.slice(0, 4)) > form.seasonYear - 18
      ) {
        addRuleIssue(ctx, 'GUARDIAN_NOT_ADULT', ['guardians', i, 'idNumber']);
      }
      seenGuardians.add(g.idNumber);
    });

    form.schoolChoices.forEach((id, i) => {
      if (form.schoolChoices.indexOf(id) !== i)
        addRuleIssue(ctx, 'DUPLICATE_CHOICE', ['schoolChoices', i]);
    });

    const offline = form.channel === 'OFFLINE';
    if (offline && !form.consent.paperForm)
      addRuleIssue(ctx, 'PAPER_CONSENT_REQUIRED', ['consent', 'paperForm']);
    if (!offline && form.consent.paperForm)
      addRuleIssue(ctx, 'PAPER_CONSENT_OFFLINE_ONLY', ['consent', 'paperForm']);

    if (form.stage === 'JUNIOR_1' && !form.currentPrimarySchool)
      addRuleIssue(ctx, 'REQUIRED_FOR_JUNIOR', ['currentPrimarySchool']);
    if (form.stage === 'PRIMARY_1' && form.currentPrimarySchool)
      addRuleIssue(ctx, 'NOT_ALLOWED_FOR_PRIMARY', ['currentPrimarySchool']);

    if (form.housing && form.housing.type !== 'NONE') {
      if (!form.housing.certificateNo)
        addRuleIssue(ctx, 'CERTIFICATE_REQUIRED', ['housing', 'certificateNo']);
      if (!form.housing.address) addRuleIssue(ctx, 'REQUIRED', ['housing', 'address']);
    }

    // With a county that is not one, the hukou rules have nothing to compare against; the county's
    // own violation says what is wrong.
    const countyKnown = isGuangxiCounty(form.countyCode);
    const hukouInCounty = form.child.hukouDivisionCode === form.countyCode;
    if (form.formType === 'A') {
      if (countyKnown && !hukouInCounty)
        addRuleIssue(ctx, 'HUKOU_IN_COUNTY_REQUIRED', ['child', 'hukouDivisionCode']);
      for (const section of ['residencePermit', 'employment'] as const) {
        if (form[section]) addRuleIssue(ctx, 'NOT_ALLOWED_FOR_FORM_A', [section]);
      }
    } else {
      if (countyKnown && hukouInCounty)
        addRuleIssue(ctx, 'HUKOU_IN_COUNTY_FORM_B', ['child', 'hukouDivisionCode']);
      for (const section of ['residencePermit', 'employment', 'housing'] as const) {
        if (!form[section]) addRuleIssue(ctx, 'REQUIRED_FOR_FORM_B', [section]);
      }
      if (form.housing && !FORM_B_HOUSING.includes(form.housing.type))
        addRuleIssue(ctx, 'HOUSING_TYPE_FOR_FORM_B', ['housing', 'type']);
    }
  });

export type ApplicationForm = z.infer<typeof applicationFormSchema>;
