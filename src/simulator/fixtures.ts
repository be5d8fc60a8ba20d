import { buildResidentId, type RegistryPerson } from './population';

/**
 * Named people the tests and the README rely on. Their ID numbers are valid (check digit, birth
 * date, gender digit) and they are always in the registry, whatever the seed.
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
  /** Qinbei district, Qinzhou. */
  huangSiqi: person('黄思琪', '450703', '2019-11-02', 902, 'FEMALE'),
  /** A Zhuang child whose name the family writes with a middle dot. */
  weiNongLan: person('韦·农兰', '450103', '2020-01-20', 903, 'FEMALE'),
} as const;

export type FixtureName = keyof typeof FIXTURES;

/** Valid-looking numbers the registry has never issued, for NOT_FOUND outcomes. */
export const UNREGISTERED = person('莫无名', '450103', '2020-02-02', 990, 'MALE');
