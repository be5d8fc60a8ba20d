import type { Family } from './family-records';
import { buildResidentId, type RegistryPerson } from './population';
import { LOCKED_CERTIFICATE } from '../domain/reference/demo-fixtures';

/**
 * Named families the tests, docs/tour.md and the OpenAPI examples rely on; they are in the
 * registries whatever the seed, and their registry records agree with the example forms.
 */
function person(
  name: string,
  divisionCode: string,
  birthDate: string,
  sequence: number,
  gender: 'MALE' | 'FEMALE',
): RegistryPerson {
  return {
    idNumber: buildResidentId(divisionCode, birthDate, sequence, gender),
    name,
    gender,
    birthDate,
    divisionCode,
    alive: true,
  };
}

export const FIXTURES = {
  /** Qingxiu district, Nanning; turns six before 31 August 2026. */
  liXiaoming: person('李小明', '450103', '2020-03-15', 901, 'MALE'),
  /** Born in Qinbei, Qinzhou; the family lives and works in Qingxiu. */
  huangSiqi: person('黄思琪', '450703', '2019-11-02', 902, 'FEMALE'),
  /** A Zhuang child whose name the family writes with a middle dot; lives with grandparents. */
  weiNongLan: person('韦·农兰', '450103', '2020-01-20', 903, 'FEMALE'),
  /** Lives in a home whose certificate an older cousin's admission locked (学位锁定). */
  zhaoYu: person('赵宇', '450103', '2019-12-12', 904, 'MALE'),
} as const;

export type FixtureName = keyof typeof FIXTURES;

/** A valid-looking number the registry has never issued, for NOT_FOUND outcomes. */
export const UNREGISTERED = person('莫无名', '450103', '2020-02-02', 990, 'MALE');

const liDaming = person('李大明', '450103', '1988-05-06', 7, 'MALE');
const huangLi = person('黄丽', '450703', '1990-02-11', 8, 'FEMALE');
const weiFather = person('韦建国', '450103', '1987-04-04', 11, 'MALE');
const weiGrandfather = person('韦德华', '450103', '1958-09-09', 13, 'MALE');
const zhaoFather = person('赵国强', '450103', '1986-08-08', 15, 'MALE');

export const FIXTURE_FAMILIES: Record<FixtureName, Family> = {
  liXiaoming: {
    familyNo: 'F-LI',
    archetype: 'SOLE_OWNER_AT_HUKOU',
    countyCode: '450103',
    child: FIXTURES.liXiaoming,
    siblings: [],
    guardians: [liDaming],
    grandparents: [],
    households: [
      {
        householdNo: 'HH-F-LI',
        divisionCode: '450103',
        address: '南宁市青秀区民族大道100号',
        catchmentUnit: '450103-C01',
        members: [
          {
            idNumber: liDaming.idNumber,
            name: liDaming.name,
            relationToHead: 'HEAD',
            moveInDate: '2018-04-01',
          },
          {
            idNumber: FIXTURES.liXiaoming.idNumber,
            name: FIXTURES.liXiaoming.name,
            relationToHead: 'CHILD',
            moveInDate: '2020-04-10',
          },
        ],
      },
    ],
    properties: [
      {
        certificateNo: '桂(2021)南宁市不动产权第0012345号',
        kind: 'OWNED',
        holders: [{ idNumber: liDaming.idNumber, name: liDaming.name, share: 100 }],
        divisionCode: '450103',
        address: '南宁市青秀区民族大道100号',
        catchmentUnit: '450103-C01',
        registrationDate: '2018-03-20',
      },
    ],
    permits: [],
    insurance: [
      { idNumber: liDaming.idNumber, cityCode: '450100', monthsPaidLast24: 24, status: 'ACTIVE' },
    ],
  },
  huangSiqi: {
    familyNo: 'F-HUANG',
    archetype: 'MIGRANT_FOUR_PROOFS',
    countyCode: '450103',
    child: FIXTURES.huangSiqi,
    siblings: [],
    guardians: [huangLi],
    grandparents: [],
    households: [
      {
        householdNo: 'HH-F-HUANG',
        divisionCode: '450703',
        address: '钦州市钦北区长田街道1号',
        catchmentUnit: null,
        members: [
          {
            idNumber: huangLi.idNumber,
            name: huangLi.name,
            relationToHead: 'HEAD',
            moveInDate: '2010-06-01',
          },
          {
            idNumber: FIXTURES.huangSiqi.idNumber,
            name: FIXTURES.huangSiqi.name,
            relationToHead: 'CHILD',
            moveInDate: '2019-11-20',
          },
        ],
      },
    ],
    properties: [
      {
        certificateNo: 'ZL-450103-2025-000123',
        kind: 'REGISTERED_RENTAL',
        holders: [{ idNumber: huangLi.idNumber, name: huangLi.name, share: 100 }],
        divisionCode: '450103',
        address: '南宁市青秀区东葛路8号',
        catchmentUnit: '450103-C02',
        registrationDate: '2025-02-15',
      },
    ],
    permits: [
      {
        permitNo: '450103202500012345',
        holderIdNumber: huangLi.idNumber,
        holderName: huangLi.name,
        countyCode: '450103',
        issueDate: '2025-03-01',
        expiryDate: '2030-03-01',
      },
    ],
    insurance: [
      { idNumber: huangLi.idNumber, cityCode: '450100', monthsPaidLast24: 18, status: 'ACTIVE' },
    ],
  },
  weiNongLan: {
    familyNo: 'F-WEI',
    archetype: 'GRANDPARENT_HOME',
    countyCode: '450103',
    child: FIXTURES.weiNongLan,
    siblings: [],
    guardians: [weiFather],
    grandparents: [weiGrandfather],
    households: [
      {
        householdNo: 'HH-F-WEI',
        divisionCode: '450103',
        address: '南宁市青秀区桃源路38号',
        catchmentUnit: '450103-C03',
        members: [
          {
            idNumber: weiGrandfather.idNumber,
            name: weiGrandfather.name,
            relationToHead: 'HEAD',
            moveInDate: '1990-01-01',
          },
          {
            idNumber: weiFather.idNumber,
            name: weiFather.name,
            relationToHead: 'CHILD',
            moveInDate: '1990-01-01',
          },
          {
            idNumber: FIXTURES.weiNongLan.idNumber,
            name: FIXTURES.weiNongLan.name,
            relationToHead: 'GRANDCHILD',
            moveInDate: '2020-02-01',
          },
        ],
      },
    ],
    properties: [
      {
        certificateNo: '桂(2009)南宁市不动产权第0000777号',
        kind: 'OWNED',
        holders: [{ idNumber: weiGrandfather.idNumber, name: weiGrandfather.name, share: 100 }],
        divisionCode: '450103',
        address: '南宁市青秀区桃源路38号',
        catchmentUnit: '450103-C03',
        registrationDate: '2009-05-05',
      },
    ],
    permits: [],
    insurance: [],
  },
  zhaoYu: {
    familyNo: 'F-ZHAO',
    archetype: 'SOLE_OWNER_AT_HUKOU',
    countyCode: '450103',
    child: FIXTURES.zhaoYu,
    siblings: [],
    guardians: [zhaoFather],
    grandparents: [],
    households: [
      {
        householdNo: 'HH-F-ZHAO',
        divisionCode: '450103',
        address: '南宁市青秀区凤翔路20号',
        catchmentUnit: '450103-C04',
        members: [
          {
            idNumber: zhaoFather.idNumber,
            name: zhaoFather.name,
            relationToHead: 'HEAD',
            moveInDate: '2016-05-01',
          },
          {
            idNumber: FIXTURES.zhaoYu.idNumber,
            name: FIXTURES.zhaoYu.name,
            relationToHead: 'CHILD',
            moveInDate: '2020-01-05',
          },
        ],
      },
    ],
    properties: [
      {
        certificateNo: LOCKED_CERTIFICATE,
        kind: 'OWNED',
        holders: [{ idNumber: zhaoFather.idNumber, name: zhaoFather.name, share: 100 }],
        divisionCode: '450103',
        address: '南宁市青秀区凤翔路20号',
        catchmentUnit: '450103-C04',
        registrationDate: '2016-04-18',
      },
    ],
    permits: [],
    insurance: [],
  },
};
