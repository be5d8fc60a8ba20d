import type { Gender } from '../domain/resident-id';
import type { Archetype, PropertyRecord } from './family-records';
import { buildResidentId, type RegistryPerson } from './population';
import { mulberry32 } from './prng';

const SURNAMES = [
  '李',
  '王',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '韦',
  '覃',
  '蒙',
  '莫',
  '梁',
  '廖',
  '蓝',
  '农',
  '陆',
  '甘',
];
const GIVEN = [
  '子',
  '涵',
  '浩',
  '宇',
  '欣',
  '怡',
  '俊',
  '杰',
  '思',
  '雨',
  '博',
  '文',
  '佳',
  '琪',
  '晨',
  '轩',
  '梓',
  '萱',
  '一',
  '诺',
];
const STREETS: Record<string, { prefix: string; streets: readonly string[] }> = {
  '450103': {
    prefix: '南宁市青秀区',
    streets: ['民族大道', '东葛路', '桃源路', '凤翔路', '金湖路', '中泰路'],
  },
  '450703': { prefix: '钦州市钦北区', streets: ['永福西大街', '长田街', '北部湾大道', '子材大街'] },
};
/** Counties migrants come from (outside Guangxi and elsewhere in it). */
const HOMETOWNS = [
  { code: '431103', prefix: '湖南省永州市冷水滩区梅湾路' },
  { code: '440882', prefix: '广东省湛江市雷州市西湖大道' },
  { code: '451022', prefix: '百色市田东县平马镇' },
  { code: '450821', prefix: '贵港市平南县平南镇' },
];
const CITY_OF: Record<string, string> = { '450103': '450100', '450703': '450700' };
const WEIGHTS: readonly [Archetype, number][] = [
  ['SOLE_OWNER_AT_HUKOU', 24],
  ['CO_OWNER_AT_HUKOU', 10],
  ['HUKOU_AND_HOME_ELSEWHERE', 8],
  ['GRANDPARENT_HOME', 8],
  ['HUKOU_OLD_NO_HOME', 8],
  ['HOME_HUKOU_ELSEWHERE', 6],
  ['HUKOU_RECENT_NO_HOME', 6],
  ['MIGRANT_FOUR_PROOFS', 18],
  ['MIGRANT_SHORT_INSURANCE', 7],
  ['MIGRANT_NO_PERMIT', 5],
];

/** Catchment unit of an address: one unit per street, numbered as the county's units are. */
function catchmentUnitOf(countyCode: string, street: string): string | null {
  const streets = STREETS[countyCode]?.streets;
  const i = streets?.indexOf(street) ?? -1;
  return i < 0 ? null : `${countyCode}-C${String(i + 1).padStart(2, '0')}`;
}

/** Social-insurance city of a demo county (人社 pays by prefecture-level city). */
export function cityOf(countyCode: string): string {
  return CITY_OF[countyCode]!;
}

/** An address and the catchment unit it lies in (null outside every catchment). */
export interface Place {
  readonly address: string;
  readonly catchmentUnit: string | null;
}

/**
 * Every random draw of the synthetic population, from one seeded stream: the same calls in the
 * same order always give the same families, so callers must keep their order of calls.
 */
export class PopulationGenerator {
  private readonly rand: () => number;
  private sequence = 0;
  private certificates = 0;
  private readonly issued: Set<string>;

  constructor(seed: number, reserved: Iterable<string>) {
    this.rand = mulberry32(seed);
    this.issued = new Set(reserved);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.rand() * (max - min + 1));
  }

  date(from: string, to: string): string {
    const start = Date.parse(`${from}T00:00:00Z`);
    const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000);
    return new Date(start + this.int(0, days) * 86_400_000).toISOString().slice(0, 10);
  }

  /** Most families in Qingxiu, the rest in Qinbei: the demo counties with schools and catchments. */
  county(): string {
    return this.int(0, 9) < 7 ? '450103' : '450703';
  }

  surname(): string {
    return this.pick(SURNAMES);
  }

  /** Where a migrant family's household is registered. */
  hometown(): { readonly code: string; readonly prefix: string } {
    return this.pick(HOMETOWNS);
  }

  archetype(): Archetype {
    let roll = this.rand() * 100;
    for (const [archetype, weight] of WEIGHTS) {
      roll -= weight;
      if (roll < 0) return archetype;
    }
    return 'SOLE_OWNER_AT_HUKOU';
  }

  person(
    surname: string,
    divisionCode: string,
    birthFrom: string,
    birthTo: string,
    gender?: Gender,
  ): RegistryPerson {
    const g: Gender = gender ?? (this.rand() < 0.5 ? 'MALE' : 'FEMALE');
    const birthDate = this.date(birthFrom, birthTo);
    // The registry never issues one number twice: take the next free sequence for the day.
    let idNumber: string;
    do {
      this.sequence += 1;
      idNumber = buildResidentId(divisionCode, birthDate, this.sequence, g);
    } while (this.issued.has(idNumber));
    this.issued.add(idNumber);
    return {
      idNumber,
      name: `${surname}${this.pick(GIVEN)}${this.rand() < 0.7 ? this.pick(GIVEN) : ''}`,
      gender: g,
      birthDate,
      divisionCode,
      alive: true,
    };
  }

  address(countyCode: string): Place {
    const { prefix, streets } = STREETS[countyCode]!;
    const street = this.pick(streets);
    return {
      address: `${prefix}${street}${this.int(1, 400)}号${this.int(1, 30)}栋${this.int(101, 2808)}室`,
      catchmentUnit: catchmentUnitOf(countyCode, street),
    };
  }

  /** An address on the county's outskirts, outside every catchment. */
  outskirts(countyCode: string): Place {
    return {
      address: `${STREETS[countyCode]!.prefix}城郊${this.int(1, 99)}号`,
      catchmentUnit: null,
    };
  }

  certificate(kind: PropertyRecord['kind'], countyCode: string, year: string): string {
    this.certificates += 1;
    const n = String(this.certificates).padStart(7, '0');
    if (kind === 'REGISTERED_RENTAL') return `ZL-${countyCode}-${year}-${n}`;
    if (kind === 'PURCHASE_CONTRACT') return `WQ-${countyCode}-${year}-${n}`;
    return `桂(${year})${countyCode}不动产权第${n}号`;
  }
}
