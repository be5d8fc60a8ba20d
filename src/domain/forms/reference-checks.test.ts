import { formFor } from '../../testing/forms';
import { FIXTURES } from '../../simulator/fixtures';
import { buildResidentId } from '../../simulator/population';
import { applicationFormSchema } from './application-form';
import { checkAgainstReferenceData, type SchoolRef } from './reference-checks';

const season = {
  year: 2026,
  primaryBornOnOrBefore: '2020-08-31',
  juniorBornOnOrBefore: '2015-08-31',
};
const schools = new Map<string, SchoolRef>([
  ['450103-P01', { id: '450103-P01', countyCode: '450103', stage: 'PRIMARY_1' }],
  ['450103-J01', { id: '450103-J01', countyCode: '450103', stage: 'JUNIOR_1' }],
  ['450703-P01', { id: '450703-P01', countyCode: '450703', stage: 'PRIMARY_1' }],
]);

function codesFor(overrides: Record<string, unknown>, child = FIXTURES.liXiaoming) {
  const form = applicationFormSchema.parse(formFor(child, overrides));
  return checkAgainstReferenceData(form, season, schools).map((v) => `${v.path}:${v.code}`);
}

describe('rules that depend on reference data', () => {
  it('passes a child of age with a school of the county and stage', () => {
    expect(codesFor({})).toEqual([]);
  });

  it.each([
    ['2020-08-31', []],
    ['2020-09-01', ['child.birthDate:AGE_BELOW_MINIMUM']],
  ])('applies the 31 August cut-off for PRIMARY_1: born %s', (birthDate, expected) => {
    const child = {
      ...FIXTURES.liXiaoming,
      birthDate,
      idNumber: buildResidentId('450103', birthDate, 901, 'MALE'),
    };
    expect(codesFor({}, child)).toEqual(expected);
  });

  it('names each school choice that is not of the county and stage', () => {
    expect(
      codesFor({ schoolChoices: ['450103-P01', '450703-P01', '450103-J01', 'nope'].slice(1) }),
    ).toEqual([
      'schoolChoices[0]:SCHOOL_NOT_AVAILABLE',
      'schoolChoices[1]:SCHOOL_NOT_AVAILABLE',
      'schoolChoices[2]:SCHOOL_NOT_AVAILABLE',
    ]);
  });

  it('says when there is no season for the year', () => {
    const form = applicationFormSchema.parse(formFor(FIXTURES.liXiaoming));
    expect(checkAgainstReferenceData(form, undefined, schools).map((v) => v.code)).toEqual([
      'SEASON_NOT_OPEN',
    ]);
  });
});
