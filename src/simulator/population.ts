import { createHash } from 'node:crypto';
import type { Gender } from '../domain/resident-id';
import { residentIdCheckChar } from '../domain/resident-id';
import { mulberry32 } from './prng';

/** A person as the 公安 population registry holds them. */
export interface RegistryPerson {
  readonly idNumber: string;
  readonly name: string;
  readonly gender: Gender;
  readonly birthDate: string;
  readonly divisionCode: string;
  readonly alive: boolean;
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

/** Districts and counties of Guangxi the synthetic families live in. */
const DIVISIONS = [
  '450102',
  '450103',
  '450105',
  '450107',
  '450108',
  '450109',
  '450202',
  '450203',
  '450302',
  '450303',
  '450502',
  '450702',
  '450703',
  '450802',
  '451002',
];

export function buildResidentId(
  divisionCode: string,
  birthDate: string,
  sequence: number,
  gender: Gender,
): string {
  const seq2 = sequence % 100;
  const genderDigit = gender === 'MALE' ? (sequence % 5) * 2 + 1 : (sequence % 5) * 2;
  const first17 = `${divisionCode}${birthDate.replaceAll('-', '')}${String(seq2).padStart(2, '0')}${genderDigit}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function dateBetween(rand: () => number, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  const day = 86_400_000;
  return new Date(start + Math.floor((rand() * (end - start)) / day) * day)
    .toISOString()
    .slice(0, 10);
}

/** Children of primary and junior entry age, deterministic for a seed. */
export function generatePopulation(seed: number, size: number): RegistryPerson[] {
  const rand = mulberry32(seed);
  const people = new Map<string, RegistryPerson>();
  let sequence = 0;
  while (people.size < size) {
    sequence += 1;
    const gender: Gender = rand() < 0.5 ? 'MALE' : 'FEMALE';
    const birthDate = dateBetween(rand, '2013-09-01', '2020-08-31');
    const divisionCode = pick(rand, DIVISIONS);
    const idNumber = buildResidentId(divisionCode, birthDate, sequence, gender);
    const name = `${pick(rand, SURNAMES)}${pick(rand, GIVEN)}${rand() < 0.7 ? pick(rand, GIVEN) : ''}`;
    people.set(idNumber, { idNumber, name, gender, birthDate, divisionCode, alive: true });
  }
  return [...people.values()];
}

/** A digest of the population, to show that one seed always yields the same people. */
export function populationDigest(people: readonly RegistryPerson[]): string {
  const hash = createHash('sha256');
  for (const p of people)
    hash.update(`${p.idNumber}|${p.name}|${p.gender}|${p.birthDate}|${p.divisionCode}\n`);
  return hash.digest('hex');
}
