import { buildResidentId, type RegistryPerson } from '../../src/simulator/population';

/** An adult guardian with a valid ID number, distinct per sequence number. */
export function guardianFor(sequence = 1, relation = 'FATHER') {
  return {
    name: '李大明',
    relation,
    idNumber: buildResidentId(
      '450103',
      '1988-05-06',
      sequence,
      relation === 'MOTHER' ? 'FEMALE' : 'MALE',
    ),
    mobile: '13800138000',
  };
}

/**
 * A valid Form A body for a registry person applying to Qingxiu (450103) for PRIMARY_1; tests
 * override fields to break one rule at a time.
 */
export function formFor(child: RegistryPerson, overrides: Record<string, unknown> = {}) {
  return {
    seasonYear: 2026,
    stage: 'PRIMARY_1',
    countyCode: '450103',
    formType: 'A',
    channel: 'ONLINE_WEB',
    child: {
      name: child.name,
      idType: 'RESIDENT_ID',
      idNumber: child.idNumber,
      birthDate: child.birthDate,
      gender: child.gender,
      ethnicity: '01',
      hukouAddress: '南宁市青秀区民族大道100号',
      hukouDivisionCode: '450103',
      currentAddress: '南宁市青秀区民族大道100号',
    },
    guardians: [guardianFor()],
    housing: {
      type: 'OWNED_SOLE',
      certificateNo: '桂(2021)南宁市不动产权第0012345号',
      address: '南宁市青秀区民族大道100号',
    },
    schoolChoices: ['450103-P01'],
    consent: { dataVerification: true, guardianConsentForChild: true },
    ...overrides,
  };
}

/** A valid Form B body: hukou elsewhere, residence permit, registered rental, employment. */
export function formBFor(child: RegistryPerson, overrides: Record<string, unknown> = {}) {
  const base = formFor(child);
  return {
    ...base,
    formType: 'B',
    child: {
      ...base.child,
      hukouAddress: '湖南省永州市冷水滩区梅湾路1号',
      hukouDivisionCode: '431103',
    },
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
    ...overrides,
  };
}
