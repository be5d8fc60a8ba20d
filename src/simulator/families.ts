import { createHash } from 'node:crypto';
import type { Gender } from '../domain/resident-id';
import { buildResidentId, type RegistryPerson } from './population';
import { FIXTURE_FAMILIES, UNREGISTERED } from './fixtures';
import { mulberry32 } from './prng';

/**
 * A deterministic synthetic population of families as the departments' registries would hold
 * them: 公安 (people, households, residence permits), 自然资源/住建 (homes, purchase contracts,
 * registered rentals) and 人社 (social insurance). The archetypes cover every priority tier.
 */
export const ARCHETYPES = [
  'SOLE_OWNER_AT_HUKOU',
  'CO_OWNER_AT_HUKOU',
  'HUKOU_AND_HOME_ELSEWHERE',
  'GRANDPARENT_HOME',
  'HUKOU_OLD_NO_HOME',
  'HOME_HUKOU_ELSEWHERE',
  'HUKOU_RECENT_NO_HOME',
  'MIGRANT_FOUR_PROOFS',
  'MIGRANT_SHORT_INSURANCE',
  'MIGRANT_NO_PERMIT',
] as const;
export type Archetype = (typeof ARCHETYPES)[number];

/** Relation of a household member to its head (户主). */
export type RelationToHead = 'HEAD' | 'SPOUSE' | 'CHILD' | 'GRANDCHILD' | 'OTHER';

export interface HouseholdRecord {
  readonly householdNo: string;
  readonly divisionCode: string;
  readonly address: string;
  readonly catchmentUnit: string | null;
  readonly members: readonly {
    readonly idNumber: string;
    readonly name: string;
    readonly relationToHead: RelationToHead;
    readonly moveInDate: string;
  }[];
}

export interface PropertyRecord {
  readonly certificateNo: string;
  readonly kind: 'OWNED' | 'PURCHASE_CONTRACT' | 'REGISTERED_RENTAL';
  readonly holders: readonly {
    readonly idNumber: string;
    readonly name: string;
    readonly share: number;
  }[];
  readonly divisionCode: string;
  readonly address: string;
  readonly catchmentUnit: string | null;
  readonly registrationDate: string;
}

export interface ResidencePermitRecord {
  readonly permitNo: string;
  readonly holderIdNumber: string;
  readonly holderName: string;
  readonly countyCode: string;
  readonly issueDate: string;
  readonly expiryDate: string;
}

export interface SocialInsuranceRecord {
  readonly idNumber: string;
  readonly cityCode: string;
  readonly monthsPaidLast24: number;
  readonly status: 'ACTIVE' | 'SUSPENDED';
}

export interface Family {
  readonly familyNo: string;
  readonly archetype: Archetype;
  readonly countyCode: string;
  readonly child: RegistryPerson;
  readonly siblings: readonly RegistryPerson[];
  readonly guardians: readonly RegistryPerson[];
  readonly grandparents: readonly RegistryPerson[];
  readonly households: readonly HouseholdRecord[];
  readonly properties: readonly PropertyRecord[];
  readonly permits: readonly ResidencePermitRecord[];
  readonly insurance: readonly SocialInsuranceRecord[];
}

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
export function catchmentUnitOf(countyCode: string, street: string): string | null {
  const streets = STREETS[countyCode]?.streets;
  const i = streets?.indexOf(street) ?? -1;
  return i < 0 ? null : `${countyCode}-C${String(i + 1).padStart(2, '0')}`;
}

class Generator {
  private readonly rand: () => number;
  private sequence = 0;
  private certificates = 0;
  private readonly issued: Set<string>;

  constructor(seed: number, reserved: Iterable<string>) {
    this.rand = mulberry32(seed);
    this.issued = new Set(reserved);
  }

  pick<T>(items: readonly T[]): T {
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

  address(countyCode: string): { address: string; catchmentUnit: string | null } {
    const { prefix, streets } = STREETS[countyCode]!;
    const street = this.pick(streets);
    return {
      address: `${prefix}${street}${this.int(1, 400)}号${this.int(1, 30)}栋${this.int(101, 2808)}室`,
      catchmentUnit: catchmentUnitOf(countyCode, street),
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

function familyOf(gen: Generator, familyNo: string): Family {
  const archetype = gen.archetype();
  const countyCode = gen.county();
  const migrant = archetype.startsWith('MIGRANT');
  const hometown = gen.pick(HOMETOWNS);
  const surname = gen.pick(SURNAMES);
  const originCode = migrant ? hometown.code : countyCode;
  const father = gen.person(surname, originCode, '1980-01-01', '1994-12-31', 'MALE');
  const mother = gen.person(gen.pick(SURNAMES), originCode, '1982-01-01', '1995-12-31', 'FEMALE');
  const guardians = gen.int(0, 9) < 8 ? [father, mother] : [father];
  const child = gen.person(surname, originCode, '2013-09-01', '2020-08-31');
  const siblings =
    gen.int(0, 9) < 3 ? [gen.person(surname, originCode, '2010-01-01', '2022-12-31')] : [];
  const grandparents =
    archetype === 'GRANDPARENT_HOME'
      ? [gen.person(surname, countyCode, '1950-01-01', '1965-12-31', 'MALE')]
      : [];

  const here = gen.address(countyCode);
  const elsewhereInCounty = gen.address(countyCode);
  const members = (head: RegistryPerson, moveIn: string, childRelation: RelationToHead) => [
    {
      idNumber: head.idNumber,
      name: head.name,
      relationToHead: 'HEAD' as const,
      moveInDate: gen.date('2000-01-01', '2015-12-31'),
    },
    ...guardians
      .filter((g) => g !== head)
      .map((g) => ({
        idNumber: g.idNumber,
        name: g.name,
        relationToHead: childRelation === 'GRANDCHILD' ? ('CHILD' as const) : ('SPOUSE' as const),
        moveInDate: moveIn,
      })),
    ...[child, ...siblings].map((c) => ({
      idNumber: c.idNumber,
      name: c.name,
      relationToHead: childRelation,
      moveInDate: moveIn,
    })),
  ];
  const household = (
    at: { address: string; catchmentUnit: string | null },
    divisionCode: string,
    head: RegistryPerson,
    moveIn: string,
    childRelation: RelationToHead = 'CHILD',
  ): HouseholdRecord => ({
    householdNo: `HH${familyNo}`,
    divisionCode,
    address: at.address,
    catchmentUnit: at.catchmentUnit,
    members: members(head, moveIn, childRelation),
  });
  const owned = (
    at: { address: string; catchmentUnit: string | null },
    holders: RegistryPerson[],
    kind: PropertyRecord['kind'] = 'OWNED',
  ): PropertyRecord => {
    const registrationDate =
      kind === 'REGISTERED_RENTAL'
        ? gen.date('2024-06-01', '2026-03-31')
        : gen.date('2008-01-01', '2025-06-30');
    return {
      certificateNo: gen.certificate(kind, countyCode, registrationDate.slice(0, 4)),
      kind,
      holders: holders.map((h) => ({
        idNumber: h.idNumber,
        name: h.name,
        share: Math.round(100 / holders.length),
      })),
      divisionCode: countyCode,
      address: at.address,
      catchmentUnit: at.catchmentUnit,
      registrationDate,
    };
  };
  const insured = (months: number): SocialInsuranceRecord[] =>
    guardians.map((g, i) => ({
      idNumber: g.idNumber,
      cityCode: CITY_OF[countyCode]!,
      monthsPaidLast24: i === 0 ? months : gen.int(0, months),
      status: 'ACTIVE',
    }));
  const permit = (holder: RegistryPerson): ResidencePermitRecord => {
    const issueDate = gen.date('2019-01-01', '2025-12-31');
    return {
      permitNo: `${countyCode}${issueDate.replaceAll('-', '').slice(0, 6)}${familyNo.slice(-6)}`,
      holderIdNumber: holder.idNumber,
      holderName: holder.name,
      countyCode,
      issueDate,
      expiryDate: `${Number(issueDate.slice(0, 4)) + 5}${issueDate.slice(4)}`,
    };
  };
  const hometownHousehold = (): HouseholdRecord =>
    household(
      { address: `${hometown.prefix}${gen.int(1, 200)}号`, catchmentUnit: null },
      hometown.code,
      father,
      gen.date('2012-01-01', '2020-12-31'),
    );
  const oldMove = () => gen.date('2012-01-01', '2025-06-30');

  const base = {
    familyNo,
    archetype,
    countyCode,
    child,
    siblings,
    guardians,
    grandparents,
    permits: [] as ResidencePermitRecord[],
    insurance: insured(gen.int(0, 24)),
  };
  switch (archetype) {
    case 'SOLE_OWNER_AT_HUKOU':
      return {
        ...base,
        households: [household(here, countyCode, father, oldMove())],
        properties: [owned(here, [father])],
      };
    case 'CO_OWNER_AT_HUKOU':
      return {
        ...base,
        households: [household(here, countyCode, father, oldMove())],
        properties: [
          owned(
            here,
            guardians.length > 1
              ? guardians
              : [father, gen.person(surname, countyCode, '1960-01-01', '1970-12-31')],
          ),
        ],
      };
    case 'HUKOU_AND_HOME_ELSEWHERE':
      return {
        ...base,
        households: [household(here, countyCode, father, oldMove())],
        properties: [owned(elsewhereInCounty, [father])],
      };
    case 'GRANDPARENT_HOME':
      return {
        ...base,
        households: [household(here, countyCode, grandparents[0]!, oldMove(), 'GRANDCHILD')],
        properties: [owned(here, grandparents)],
      };
    case 'HUKOU_OLD_NO_HOME':
      return {
        ...base,
        households: [household(here, countyCode, father, gen.date('2012-01-01', '2024-12-31'))],
        properties: [],
      };
    case 'HOME_HUKOU_ELSEWHERE':
      return {
        ...base,
        households: [
          household(
            {
              address: `${STREETS[countyCode]!.prefix}城郊${gen.int(1, 99)}号`,
              catchmentUnit: null,
            },
            countyCode,
            father,
            oldMove(),
          ),
        ],
        properties: [owned(here, [father])],
      };
    case 'HUKOU_RECENT_NO_HOME':
      return {
        ...base,
        households: [household(here, countyCode, father, gen.date('2025-10-01', '2026-06-30'))],
        properties: [],
      };
    case 'MIGRANT_FOUR_PROOFS':
      return {
        ...base,
        households: [hometownHousehold()],
        properties: [owned(here, [father], 'REGISTERED_RENTAL')],
        permits: [permit(father)],
        insurance: insured(gen.int(12, 24)),
      };
    case 'MIGRANT_SHORT_INSURANCE':
      return {
        ...base,
        households: [hometownHousehold()],
        properties: [owned(here, [father], 'REGISTERED_RENTAL')],
        permits: [permit(father)],
        insurance: insured(gen.int(0, 11)),
      };
    case 'MIGRANT_NO_PERMIT':
      return {
        ...base,
        households: [hometownHousehold()],
        properties: [owned(here, [father], 'REGISTERED_RENTAL')],
        insurance: insured(gen.int(12, 24)),
      };
  }
}

/** `count` families, always the same for the same seed. */
export function generateFamilies(seed: number, count: number): Family[] {
  // The named fixtures' numbers are taken; the generated population never reuses them.
  const reserved = Object.values(FIXTURE_FAMILIES).flatMap((f) =>
    [f.child, ...f.siblings, ...f.guardians, ...f.grandparents].map((p) => p.idNumber),
  );
  const gen = new Generator(seed, [...reserved, UNREGISTERED.idNumber]);
  return Array.from({ length: count }, (_, i) => familyOf(gen, String(i + 1).padStart(8, '0')));
}

/** A digest of the whole population, to show that one seed always yields the same registries. */
export function familiesDigest(families: readonly Family[]): string {
  return createHash('sha256').update(JSON.stringify(families)).digest('hex');
}
