import { FIXTURES } from '../simulator/fixtures';
import { buildResidentId } from '../simulator/population';
import { formBFor, formFor, guardianFor } from './forms';

/**
 * Bodies that each break one rule (or a known few at once), with the violations the API must
 * name. `reference` marks rules that need reference data (season, schools), checked by the API
 * after the schema.
 */
export interface InvalidCase {
  readonly name: string;
  readonly body: unknown;
  readonly expected: readonly string[];
  readonly reference?: boolean;
}

const child = FIXTURES.liXiaoming;
const a = formFor(child);
const b = formBFor(FIXTURES.huangSiqi);
const g = guardianFor();
const withChild = (patch: Record<string, unknown>) => ({ ...a, child: { ...a.child, ...patch } });
const withGuardian = (patch: Record<string, unknown>) => ({
  ...a,
  guardians: [{ ...g, ...patch }],
});
const without = (body: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
const flip = (id: string) => `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
const minorGuardianId = buildResidentId('450103', '2010-01-01', 3, 'MALE');

export const INVALID_CASES: readonly InvalidCase[] = [
  // top level
  { name: 'missing seasonYear', body: without(a, 'seasonYear'), expected: ['seasonYear:REQUIRED'] },
  {
    name: 'seasonYear as text',
    body: { ...a, seasonYear: '2026' },
    expected: ['seasonYear:WRONG_TYPE'],
  },
  {
    name: 'seasonYear fractional',
    body: { ...a, seasonYear: 2026.5 },
    expected: ['seasonYear:WRONG_TYPE'],
  },
  {
    name: 'seasonYear too early',
    body: { ...a, seasonYear: 2000 },
    expected: ['seasonYear:OUT_OF_RANGE'],
  },
  {
    name: 'season without a season',
    body: { ...a, seasonYear: 2030 },
    expected: ['seasonYear:SEASON_NOT_OPEN'],
    reference: true,
  },
  { name: 'missing stage', body: without(a, 'stage'), expected: ['stage:REQUIRED'] },
  { name: 'unknown stage', body: { ...a, stage: 'KINDERGARTEN' }, expected: ['stage:NOT_IN_LIST'] },
  { name: 'lowercase stage', body: { ...a, stage: 'primary_1' }, expected: ['stage:NOT_IN_LIST'] },
  {
    name: 'county outside Guangxi',
    body: { ...a, countyCode: '110105', child: { ...a.child, hukouDivisionCode: '110105' } },
    expected: ['countyCode:NOT_GUANGXI_COUNTY'],
  },
  {
    name: 'county is a city code',
    body: { ...a, countyCode: '450100', child: { ...a.child, hukouDivisionCode: '450100' } },
    expected: ['countyCode:NOT_GUANGXI_COUNTY'],
  },
  {
    name: 'county as a number',
    body: { ...a, countyCode: 450103 },
    expected: ['countyCode:WRONG_TYPE'],
  },
  { name: 'unknown form type', body: { ...a, formType: 'C' }, expected: ['formType:NOT_IN_LIST'] },
  { name: 'unknown channel', body: { ...a, channel: 'WECHAT' }, expected: ['channel:NOT_IN_LIST'] },
  {
    name: 'unknown top-level field',
    body: { ...a, priority: 1 },
    expected: ['priority:UNKNOWN_FIELD'],
  },
  { name: 'body is an array', body: [a], expected: [':WRONG_TYPE'] },
  // child
  { name: 'missing child', body: without(a, 'child'), expected: ['child:REQUIRED'] },
  { name: 'child name empty', body: withChild({ name: '' }), expected: ['child.name:TOO_SHORT'] },
  {
    name: 'child name blank',
    body: withChild({ name: '   ' }),
    expected: ['child.name:TOO_SHORT'],
  },
  {
    name: 'child name with digits',
    body: withChild({ name: '李2明' }),
    expected: ['child.name:NAME_CHARACTERS'],
  },
  {
    name: 'child name with a control character',
    body: withChild({ name: '李\u0000明' }),
    expected: ['child.name:CONTROL_CHARACTERS'],
  },
  {
    name: 'child name too long',
    body: withChild({ name: '李'.repeat(31) }),
    expected: ['child.name:TOO_LONG'],
  },
  {
    name: 'child name with emoji',
    body: withChild({ name: '李😀' }),
    expected: ['child.name:NAME_CHARACTERS'],
  },
  {
    name: 'unknown ID type',
    body: withChild({ idType: 'PASSPORT' }),
    expected: ['child.idType:NOT_IN_LIST'],
  },
  {
    name: 'ID number too short',
    body: withChild({ idNumber: child.idNumber.slice(0, 17) }),
    expected: ['child.idNumber:ID_FORMAT'],
  },
  {
    name: 'ID number with a letter inside',
    body: withChild({ idNumber: `${child.idNumber.slice(0, 10)}A${child.idNumber.slice(11)}` }),
    expected: ['child.idNumber:ID_FORMAT'],
  },
  {
    name: 'ID number check digit',
    body: withChild({ idNumber: flip(child.idNumber) }),
    expected: ['child.idNumber:ID_CHECK_DIGIT'],
  },
  {
    name: 'ID number unknown province',
    body: withChild({ idNumber: buildResidentId('990103', child.birthDate, 901, 'MALE') }),
    expected: ['child.idNumber:ID_DIVISION_CODE'],
  },
  {
    name: 'ID number impossible birth date',
    body: withChild({ idNumber: '450103202002300135' }),
    expected: ['child.idNumber:ID_BIRTH_DATE'],
  },
  {
    name: 'ID number as a number',
    body: withChild({ idNumber: 450103202003150 }),
    expected: ['child.idNumber:WRONG_TYPE'],
  },
  {
    name: 'birth date disagrees with ID',
    body: withChild({ birthDate: '2020-03-16' }),
    expected: ['child.birthDate:ID_BIRTH_DATE_MISMATCH'],
  },
  {
    name: 'birth date impossible',
    body: withChild({ birthDate: '2020-02-30' }),
    expected: ['child.birthDate:DATE_FORMAT', 'child.birthDate:ID_BIRTH_DATE_MISMATCH'],
  },
  {
    name: 'birth date in another format',
    body: withChild({ birthDate: '2020/03/15' }),
    expected: ['child.birthDate:DATE_FORMAT', 'child.birthDate:ID_BIRTH_DATE_MISMATCH'],
  },
  {
    name: 'gender disagrees with ID',
    body: withChild({ gender: 'FEMALE' }),
    expected: ['child.gender:ID_GENDER_MISMATCH'],
  },
  {
    name: 'gender not in list',
    body: withChild({ gender: 'M' }),
    expected: ['child.gender:NOT_IN_LIST'],
  },
  {
    name: 'ethnicity out of range',
    body: withChild({ ethnicity: '57' }),
    expected: ['child.ethnicity:ETHNICITY'],
  },
  {
    name: 'ethnicity as a name',
    body: withChild({ ethnicity: '汉族' }),
    expected: ['child.ethnicity:ETHNICITY'],
  },
  {
    name: 'hukou address too long',
    body: withChild({ hukouAddress: '路'.repeat(121) }),
    expected: ['child.hukouAddress:TOO_LONG'],
  },
  {
    name: 'hukou address with a control character',
    body: withChild({ hukouAddress: '南宁\u0007市' }),
    expected: ['child.hukouAddress:CONTROL_CHARACTERS'],
  },
  {
    name: 'hukou division code malformed',
    body: withChild({ hukouDivisionCode: '4501' }),
    expected: [
      'child.hukouDivisionCode:DIVISION_CODE',
      'child.hukouDivisionCode:HUKOU_IN_COUNTY_REQUIRED',
    ],
  },
  {
    name: 'Form A with hukou elsewhere',
    body: withChild({ hukouDivisionCode: '450703' }),
    expected: ['child.hukouDivisionCode:HUKOU_IN_COUNTY_REQUIRED'],
  },
  {
    name: 'missing current address',
    body: withChild({ currentAddress: undefined }),
    expected: ['child.currentAddress:REQUIRED'],
  },
  {
    name: 'unknown child field',
    body: withChild({ nickname: '小明' }),
    expected: ['child.nickname:UNKNOWN_FIELD'],
  },
  {
    name: 'too young for PRIMARY_1',
    body: withChild({
      idNumber: buildResidentId('450103', '2020-09-01', 901, 'MALE'),
      birthDate: '2020-09-01',
    }),
    expected: ['child.birthDate:AGE_BELOW_MINIMUM'],
    reference: true,
  },
  // guardians
  { name: 'no guardians', body: { ...a, guardians: [] }, expected: ['guardians:OUT_OF_RANGE'] },
  {
    name: 'three guardians',
    body: {
      ...a,
      guardians: [g, guardianFor(2, 'MOTHER'), guardianFor(3, 'PATERNAL_GRANDFATHER')],
    },
    expected: ['guardians:OUT_OF_RANGE'],
  },
  {
    name: 'guardians not a list',
    body: { ...a, guardians: g },
    expected: ['guardians:WRONG_TYPE'],
  },
  {
    name: 'guardian relation not in list',
    body: withGuardian({ relation: 'UNCLE' }),
    expected: ['guardians[0].relation:NOT_IN_LIST'],
  },
  {
    name: 'guardian mobile a landline',
    body: withGuardian({ mobile: '07715555555' }),
    expected: ['guardians[0].mobile:MOBILE_FORMAT'],
  },
  {
    name: 'guardian mobile too short',
    body: withGuardian({ mobile: '1380013800' }),
    expected: ['guardians[0].mobile:MOBILE_FORMAT'],
  },
  {
    name: 'guardian mobile starting 12',
    body: withGuardian({ mobile: '12800138000' }),
    expected: ['guardians[0].mobile:MOBILE_FORMAT'],
  },
  {
    name: "guardian ID is the child's",
    body: withGuardian({ idNumber: child.idNumber }),
    expected: ['guardians[0].idNumber:GUARDIAN_ID_EQUALS_CHILD'],
  },
  {
    name: 'guardian ID check digit',
    body: withGuardian({ idNumber: flip(g.idNumber) }),
    expected: ['guardians[0].idNumber:ID_CHECK_DIGIT'],
  },
  {
    name: 'guardian under 18',
    body: withGuardian({ idNumber: minorGuardianId }),
    expected: ['guardians[0].idNumber:GUARDIAN_NOT_ADULT'],
  },
  {
    name: 'the same guardian twice',
    body: { ...a, guardians: [g, { ...g, relation: 'MOTHER' }] },
    expected: ['guardians[1].idNumber:GUARDIANS_DUPLICATE'],
  },
  {
    name: 'guardian name with digits',
    body: withGuardian({ name: 'Li 2' }),
    expected: ['guardians[0].name:NAME_CHARACTERS'],
  },
  {
    name: 'unknown guardian field',
    body: withGuardian({ wechat: 'x' }),
    expected: ['guardians[0].wechat:UNKNOWN_FIELD'],
  },
  // housing, schools, policy care, JUNIOR_1
  {
    name: 'housing type not in list',
    body: { ...a, housing: { ...a.housing, type: 'HOTEL' } },
    expected: ['housing.type:NOT_IN_LIST'],
  },
  {
    name: 'owned housing without certificate',
    body: { ...a, housing: { type: 'OWNED_SOLE', address: '南宁市青秀区民族大道100号' } },
    expected: ['housing.certificateNo:CERTIFICATE_REQUIRED'],
  },
  {
    name: 'owned housing without address',
    body: { ...a, housing: { type: 'OWNED_SOLE', certificateNo: 'X-1' } },
    expected: ['housing.address:REQUIRED'],
  },
  {
    name: 'no school choice',
    body: { ...a, schoolChoices: [] },
    expected: ['schoolChoices:OUT_OF_RANGE'],
  },
  {
    name: 'four school choices',
    body: { ...a, schoolChoices: ['450103-P01', '450103-P02', 'x', 'y'] },
    expected: ['schoolChoices:OUT_OF_RANGE'],
  },
  {
    name: 'the same school twice',
    body: { ...a, schoolChoices: ['450103-P01', '450103-P01'] },
    expected: ['schoolChoices[1]:DUPLICATE_CHOICE'],
  },
  {
    name: 'a school of another county',
    body: { ...a, schoolChoices: ['450703-P01'] },
    expected: ['schoolChoices[0]:SCHOOL_NOT_AVAILABLE'],
    reference: true,
  },
  {
    name: 'a junior school for PRIMARY_1',
    body: { ...a, schoolChoices: ['450103-P01', '450103-J01'] },
    expected: ['schoolChoices[1]:SCHOOL_NOT_AVAILABLE'],
    reference: true,
  },
  {
    name: 'an unknown school',
    body: { ...a, schoolChoices: ['450103-P99'] },
    expected: ['schoolChoices[0]:SCHOOL_NOT_AVAILABLE'],
    reference: true,
  },
  {
    name: 'policy care without proof',
    body: { ...a, policyCare: { category: 'MILITARY' } },
    expected: ['policyCare.proofNo:REQUIRED'],
  },
  {
    name: 'policy care category not in list',
    body: { ...a, policyCare: { category: 'VIP', proofNo: 'P-1' } },
    expected: ['policyCare.category:NOT_IN_LIST'],
  },
  {
    name: 'current primary school on PRIMARY_1',
    body: { ...a, currentPrimarySchool: { name: '某小学', divisionCode: '450103' } },
    expected: ['currentPrimarySchool:NOT_ALLOWED_FOR_PRIMARY'],
  },
  {
    name: 'JUNIOR_1 without current primary school',
    body: { ...a, stage: 'JUNIOR_1', schoolChoices: ['450103-J01'] },
    expected: ['currentPrimarySchool:REQUIRED_FOR_JUNIOR'],
  },
  // form type sections
  {
    name: 'Form A with a residence permit',
    body: { ...a, residencePermit: b.residencePermit },
    expected: ['residencePermit:NOT_ALLOWED_FOR_FORM_A'],
  },
  {
    name: 'Form A with employment',
    body: { ...a, employment: b.employment },
    expected: ['employment:NOT_ALLOWED_FOR_FORM_A'],
  },
  {
    name: 'Form B without residence permit',
    body: without(b, 'residencePermit'),
    expected: ['residencePermit:REQUIRED_FOR_FORM_B'],
  },
  {
    name: 'Form B without employment',
    body: without(b, 'employment'),
    expected: ['employment:REQUIRED_FOR_FORM_B'],
  },
  {
    name: 'Form B without housing',
    body: without(b, 'housing'),
    expected: ['housing:REQUIRED_FOR_FORM_B'],
  },
  {
    name: 'Form B living at a grandparent home',
    body: { ...b, housing: { ...b.housing, type: 'GRANDPARENT_OWNED' } },
    expected: ['housing.type:HOUSING_TYPE_FOR_FORM_B'],
  },
  {
    name: 'Form B with hukou in the county',
    body: { ...b, child: { ...b.child, hukouDivisionCode: '450103' } },
    expected: ['child.hukouDivisionCode:HUKOU_IN_COUNTY_FORM_B'],
  },
  {
    name: 'Form B permit issue date malformed',
    body: { ...b, residencePermit: { ...b.residencePermit, issueDate: '2025-13-01' } },
    expected: ['residencePermit.issueDate:DATE_FORMAT'],
  },
  {
    name: 'Form B permit from outside Guangxi',
    body: { ...b, residencePermit: { ...b.residencePermit, issuingCountyCode: '430103' } },
    expected: ['residencePermit.issuingCountyCode:NOT_GUANGXI_COUNTY'],
  },
  {
    name: 'Form B negative insurance months',
    body: { ...b, employment: { ...b.employment, socialInsuranceMonths: -1 } },
    expected: ['employment.socialInsuranceMonths:OUT_OF_RANGE'],
  },
  {
    name: 'Form B employment type not in list',
    body: { ...b, employment: { ...b.employment, type: 'STUDENT' } },
    expected: ['employment.type:NOT_IN_LIST'],
  },
  // consent
  {
    name: 'no verification consent',
    body: { ...a, consent: { ...a.consent, dataVerification: false } },
    expected: ['consent.dataVerification:CONSENT_REQUIRED'],
  },
  {
    name: 'no guardian consent',
    body: { ...a, consent: { ...a.consent, guardianConsentForChild: false } },
    expected: ['consent.guardianConsentForChild:GUARDIAN_CONSENT_REQUIRED'],
  },
  {
    name: 'consent as text',
    body: { ...a, consent: { ...a.consent, dataVerification: 'yes' } },
    expected: ['consent.dataVerification:WRONG_TYPE'],
  },
  { name: 'missing consent', body: without(a, 'consent'), expected: ['consent:REQUIRED'] },
  {
    name: 'offline entry without the signed paper form',
    body: { ...a, channel: 'OFFLINE' },
    expected: ['consent.paperForm:PAPER_CONSENT_REQUIRED'],
  },
  {
    name: 'paper consent form on an online application',
    body: { ...a, consent: { ...a.consent, paperForm: { documentSha256: 'a'.repeat(64) } } },
    expected: ['consent.paperForm:PAPER_CONSENT_OFFLINE_ONLY'],
  },
  {
    name: 'paper consent form hash not a sha256',
    body: {
      ...a,
      channel: 'OFFLINE',
      consent: { ...a.consent, paperForm: { documentSha256: 'not-a-hash' } },
    },
    expected: ['consent.paperForm.documentSha256:BAD_FORMAT'],
  },
  {
    name: 'consent text version unknown',
    body: { ...a, consent: { ...a.consent, textVersion: '1999-01' } },
    expected: ['consent.textVersion:NOT_IN_LIST'],
  },
  // combinations
  {
    name: 'several rules at once',
    body: {
      ...a,
      stage: 'X',
      extra: 1,
      guardians: [{ ...g, mobile: '1' }],
      consent: { dataVerification: false, guardianConsentForChild: false },
    },
    expected: [
      'stage:NOT_IN_LIST',
      'extra:UNKNOWN_FIELD',
      'guardians[0].mobile:MOBILE_FORMAT',
      'consent.dataVerification:CONSENT_REQUIRED',
      'consent.guardianConsentForChild:GUARDIAN_CONSENT_REQUIRED',
    ],
  },
  {
    name: 'a child whose ID, birth date and gender all disagree',
    body: withChild({ birthDate: '2019-01-01', gender: 'FEMALE' }),
    expected: ['child.birthDate:ID_BIRTH_DATE_MISMATCH', 'child.gender:ID_GENDER_MISMATCH'],
  },
];
