/**
 * Complete, valid bodies for the OpenAPI page and docs/tour.md: the simulator's fixture children
 * (李小明, Form A, local hukou; 黄思琪, Form B, hukou in Qinbei applying in Qingxiu).
 */
export const FORM_A_EXAMPLE = {
  seasonYear: 2026,
  stage: 'PRIMARY_1',
  countyCode: '450103',
  formType: 'A',
  channel: 'ONLINE_WEB',
  child: {
    name: '李小明',
    idType: 'RESIDENT_ID',
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
  schoolChoices: ['450103-P01', '450103-P02'],
  consent: { dataVerification: true, guardianConsentForChild: true },
} as const;

export const FORM_B_EXAMPLE = {
  seasonYear: 2026,
  stage: 'PRIMARY_1',
  countyCode: '450103',
  formType: 'B',
  channel: 'ONLINE_MOBILE',
  child: {
    name: '黄思琪',
    idType: 'RESIDENT_ID',
    idNumber: '450703201911020240',
    birthDate: '2019-11-02',
    gender: 'FEMALE',
    ethnicity: '01',
    hukouAddress: '钦州市钦北区长田街道1号',
    hukouDivisionCode: '450703',
    currentAddress: '南宁市青秀区东葛路8号',
  },
  guardians: [
    {
      name: '黄丽',
      relation: 'MOTHER',
      idNumber: '450703199002110863',
      mobile: '13977100000',
      employer: '南宁市某某科技有限公司',
    },
  ],
  housing: {
    type: 'REGISTERED_RENTAL',
    certificateNo: 'ZL-450103-2025-000123',
    address: '南宁市青秀区东葛路8号',
  },
  residencePermit: {
    number: '450103202500012345',
    issueDate: '2025-03-01',
    issuingCountyCode: '450103',
  },
  employment: {
    type: 'EMPLOYED',
    employerOrLicence: '南宁市某某科技有限公司',
    socialInsuranceMonths: 18,
  },
  schoolChoices: ['450103-P01'],
  consent: { dataVerification: true, guardianConsentForChild: true },
} as const;
