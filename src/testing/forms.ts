import type { Family } from '../simulator/family-records';
import { FIXTURE_FAMILIES } from '../simulator/fixtures';
import { buildResidentId, type RegistryPerson } from '../simulator/population';

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

/** A child as tests hold it: a registry person, with its family's guardians when known. */
export type TestChild = RegistryPerson & { readonly guardians?: readonly RegistryPerson[] };

/** A registry person as a form names them among the guardians. */
function guardianEntry(g: RegistryPerson) {
  return {
    name: g.name,
    relation: g.gender === 'MALE' ? 'FATHER' : 'MOTHER',
    idNumber: g.idNumber,
    mobile: '13800138000',
  };
}

/** The guardians the registry knows for a child (its family's), else one it does not know. */
function guardiansOf(child: TestChild) {
  const family = Object.values(FIXTURE_FAMILIES).find((f) => f.child.idNumber === child.idNumber);
  const known = child.guardians ?? family?.guardians ?? [];
  return known.length ? known.map(guardianEntry) : [guardianFor()];
}

/**
 * A valid Form A body for a registry person applying to Qingxiu (450103) for PRIMARY_1, naming
 * the child's own guardians when the registry knows them (so the relation check confirms them);
 * tests override fields to break one rule at a time.
 */
export function formFor(child: TestChild, overrides: Record<string, unknown> = {}) {
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
    guardians: guardiansOf(child),
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

/** An offline entry by registration-point staff, resting on the paper form the guardian signed. */
export function offlineFormFor(
  child: RegistryPerson,
  paperFormSha256: string,
  overrides: Record<string, unknown> = {},
) {
  return formFor(child, {
    channel: 'OFFLINE',
    consent: {
      dataVerification: true,
      guardianConsentForChild: true,
      paperForm: { documentSha256: paperFormSha256 },
    },
    ...overrides,
  });
}

/** A small PDF, as a scanned signed form would be uploaded. */
export function scannedPdf(label: string): Buffer {
  return Buffer.concat([Buffer.from(`%PDF-1.7\n% ${label}\n`), Buffer.alloc(1024, 0x20)]);
}

/** A valid Form B body: hukou elsewhere, residence permit, registered rental, employment. */
export function formBFor(child: TestChild, overrides: Record<string, unknown> = {}) {
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

const HOUSING_TYPE_OF: Record<string, string> = {
  SOLE_OWNER_AT_HUKOU: 'OWNED_SOLE',
  CO_OWNER_AT_HUKOU: 'OWNED_SHARED',
  HUKOU_AND_HOME_ELSEWHERE: 'OWNED_SOLE',
  GRANDPARENT_HOME: 'GRANDPARENT_OWNED',
  HOME_HUKOU_ELSEWHERE: 'OWNED_SOLE',
};

/** The school of the family's county whose catchment holds its home (or hukou). */
export function schoolFor(family: Family): string {
  const unit = family.properties[0]?.catchmentUnit ?? family.households[0]?.catchmentUnit ?? null;
  const n = unit ? Number(unit.slice(-2)) : 1;
  if (family.countyCode === '450703') return '450703-P01';
  return n <= 3 ? '450103-P01' : '450103-P02';
}

/**
 * The form a family would fill in truthfully: everything as its registries hold it, so every
 * check MATCHes; tests then change one statement to see a MISMATCH.
 */
export function formForFamily(family: Family, overrides: Record<string, unknown> = {}) {
  const household = family.households[0]!;
  const property = family.properties[0];
  const migrant = household.divisionCode !== family.countyCode;
  const base = formFor(family.child, {
    countyCode: family.countyCode,
    formType: migrant ? 'B' : 'A',
    guardians: family.guardians.map(guardianEntry),
    schoolChoices: [schoolFor(family)],
  });
  const form: Record<string, unknown> = {
    ...base,
    child: {
      ...base.child,
      hukouAddress: household.address,
      hukouDivisionCode: household.divisionCode,
    },
    housing: property
      ? {
          type: property.kind === 'OWNED' ? HOUSING_TYPE_OF[family.archetype] : property.kind,
          certificateNo: property.certificateNo,
          address: property.address,
        }
      : { type: 'NONE' },
  };
  if (migrant) {
    const permit = family.permits[0];
    const insurance = family.insurance[0];
    form.residencePermit = permit
      ? {
          number: permit.permitNo,
          issueDate: permit.issueDate,
          issuingCountyCode: permit.countyCode,
        }
      : {
          number: '450103209900000000',
          issueDate: '2025-01-01',
          issuingCountyCode: family.countyCode,
        };
    form.employment = {
      type: 'EMPLOYED',
      employerOrLicence: '某公司',
      socialInsuranceMonths: insurance?.monthsPaidLast24 ?? 0,
    };
  }
  return { ...form, ...overrides };
}
