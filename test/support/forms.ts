import type { RegistryPerson } from '../../src/simulator/population';

/** A valid Form A body for a registry person; tests override fields to break one rule at a time. */
export function formFor(child: RegistryPerson, overrides: Record<string, unknown> = {}) {
  return {
    seasonYear: 2026,
    stage: 'PRIMARY_1',
    countyCode: child.divisionCode,
    formType: 'A',
    channel: 'ONLINE_WEB',
    child: {
      name: child.name,
      idNumber: child.idNumber,
      birthDate: child.birthDate,
      gender: child.gender,
    },
    guardian: { name: '李大明', mobile: '13800138000' },
    consent: { dataVerification: true },
    ...overrides,
  };
}
