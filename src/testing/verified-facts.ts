import type {
  SchoolCatchment,
  VerifiedFacts,
  VerifiedHousehold,
  VerifiedProperty,
} from '../domain/eligibility/facts';

/**
 * Verified facts for the unit tests of eligibility (src/domain/eligibility): a Qingxiu family
 * applying for PRIMARY_1 in 2026, with its hukou and home in catchment unit IN unless a test
 * says otherwise.
 */

export const HOME = '南宁市青秀区民族大道100号';
export const ELSEWHERE_IN_CATCHMENT = '南宁市青秀区民族大道200号';
export const IN = '450103-C01';
export const OUT = '450103-C09';

export const SCHOOL: SchoolCatchment = {
  id: '450103-P01',
  stage: 'PRIMARY_1',
  catchmentUnits: [IN, '450103-C02'],
  feederPrimaryIds: [],
};

/** The child's hukou at HOME in the catchment, moved in on `moveInDate`. */
export const hukou = (
  moveInDate = '2021-05-01',
  patch: Partial<VerifiedHousehold> = {},
): VerifiedHousehold => ({
  divisionCode: '450103',
  address: HOME,
  catchmentUnit: IN,
  moveInDate,
  memberRelations: ['GUARDIAN'],
  ...patch,
});

/** A home the guardians own alone at HOME in the catchment. */
export const home = (patch: Partial<VerifiedProperty> = {}): VerifiedProperty => ({
  certificateNo: '桂(2019)南宁市不动产权第0000001号',
  kind: 'OWNED',
  holder: 'GUARDIAN',
  soleOwnership: true,
  address: HOME,
  catchmentUnit: IN,
  registrationDate: '2019-06-01',
  ...patch,
});

/** A Form B family with the four proofs: hukou in Hunan, permit, rental in the catchment, 18 months. */
export const migrant = (patch: Partial<VerifiedFacts> = {}): Partial<VerifiedFacts> => ({
  formType: 'B',
  household: hukou('2015-01-01', {
    divisionCode: '431103',
    address: '湖南省永州市冷水滩区梅湾路1号',
    catchmentUnit: null,
  }),
  property: home({
    kind: 'REGISTERED_RENTAL',
    soleOwnership: false,
    address: ELSEWHERE_IN_CATCHMENT,
    certificateNo: 'ZL-2025-1',
    registrationDate: '2025-02-01',
  }),
  residencePermit: { countyCode: '450103', issueDate: '2024-03-01', expiryDate: '2027-03-01' },
  socialInsurance: { cityCode: '450100', monthsPaidLast24: 18, active: true },
  ...patch,
});

/** The facts of a child of age whose identity is confirmed, and nothing else. */
export function facts(patch: Partial<VerifiedFacts> = {}): VerifiedFacts {
  return {
    seasonYear: 2026,
    stage: 'PRIMARY_1',
    formType: 'A',
    countyCode: '450103',
    cityCode: '450100',
    identityConfirmed: true,
    birthDate: '2020-03-15',
    policyCareConfirmed: false,
    ...patch,
  };
}
