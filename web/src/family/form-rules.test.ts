import { RULES } from '../../../src/domain/forms/rule-texts';
import {
  formViolations,
  stepViolations,
  toApplicationForm,
  type FamilyFormValues,
} from './form-rules';

/** The tour's Form A for the simulator's fixture child 李小明, as the page's fields hold it. */
const LI_XIAOMING: FamilyFormValues = {
  seasonYear: 2026,
  stage: 'PRIMARY_1',
  countyCode: '450103',
  formType: 'A',
  child: {
    name: '李小明',
    idNumber: '45010320200315013X',
    birthDate: '2020-03-15',
    gender: 'MALE',
    ethnicity: '08',
    hukouAddress: '南宁市青秀区民族大道100号',
    hukouDivisionCode: '450103',
    currentAddress: '南宁市青秀区民族大道100号',
  },
  guardians: [
    { name: '李大明', relation: 'FATHER', idNumber: '450103198805060751', mobile: '13800138000' },
  ],
  housing: {
    type: 'OWNED_SOLE',
    certificateNo: '桂(2021)南宁市不动产权第0012345号',
    address: '南宁市青秀区民族大道100号',
  },
  residencePermit: { number: '' },
  schoolChoices: ['450103-P01', '', undefined],
  consent: { dataVerification: true, guardianConsentForChild: true },
};

describe("the family form's rules are the API's", () => {
  it('accepts a truthful Form A, leaving out what the user left empty', () => {
    expect(formViolations(LI_XIAOMING)).toEqual([]);
    const body = toApplicationForm(LI_XIAOMING);
    expect(body).not.toHaveProperty('residencePermit');
    expect(body.schoolChoices).toEqual(['450103-P01']);
    expect(body.channel).toBe('ONLINE_MOBILE');
  });

  it('names the broken rule at its field, in both languages, with the API texts', () => {
    const violations = formViolations({
      ...LI_XIAOMING,
      guardians: [{ ...LI_XIAOMING.guardians![0], mobile: '12345' }],
    });
    expect(violations).toEqual([
      {
        path: 'guardians[0].mobile',
        code: 'MOBILE_FORMAT',
        message_zh: RULES.MOBILE_FORMAT.zh,
        message_en: RULES.MOBILE_FORMAT.en,
      },
    ]);
  });

  it('checks rules across fields: the birth date against the ID number', () => {
    const violations = formViolations({
      ...LI_XIAOMING,
      child: { ...LI_XIAOMING.child, birthDate: '2020-03-16' },
    });
    expect(violations.map((v) => [v.path, v.code])).toEqual([
      ['child.birthDate', 'ID_BIRTH_DATE_MISMATCH'],
    ]);
  });

  it('asks Form B for its sections, and shows each step only its own violations', () => {
    const violations = formViolations({ ...LI_XIAOMING, formType: 'B' });
    const codes = violations.map((v) => `${v.path}:${v.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'residencePermit:REQUIRED_FOR_FORM_B',
        'employment:REQUIRED_FOR_FORM_B',
      ]),
    );
    expect(stepViolations(violations, 1).map((v) => v.path)).toEqual(['child.hukouDivisionCode']);
    expect(stepViolations(violations, 2)).toEqual([]);
  });
});
