import type { Gender } from '../domain/resident-id';
import { residentIdCheckChar } from '../domain/resident-id';

/** A person as the 公安 population registry holds them. */
export interface RegistryPerson {
  readonly idNumber: string;
  readonly name: string;
  readonly gender: Gender;
  readonly birthDate: string;
  readonly divisionCode: string;
  readonly alive: boolean;
}

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
