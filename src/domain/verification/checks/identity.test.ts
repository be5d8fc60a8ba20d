import { identityOutcome } from './identity';

const stated = { name: '李小明', gender: 'MALE', birthDate: '2020-03-15' } as const;
const record = { found: true, ...stated, divisionCode: '450103', alive: true };

describe('identity check outcome', () => {
  it('is MATCH when the registry agrees on every field', () => {
    expect(identityOutcome(stated, record)).toEqual({
      outcome: 'MATCH',
      mismatchedFields: [],
      evidence: record,
    });
  });
  it('is MISMATCH naming each field the registry disagrees on', () => {
    expect(
      identityOutcome(stated, { ...record, name: '李晓明', birthDate: '2020-03-16' }),
    ).toMatchObject({
      outcome: 'MISMATCH',
      mismatchedFields: ['name', 'birthDate'],
    });
  });
  it('is MISMATCH for a person the registry records as deceased', () => {
    expect(identityOutcome(stated, { ...record, alive: false }).mismatchedFields).toEqual([
      'alive',
    ]);
  });
  it('is NOT_FOUND when the registry has no such number', () => {
    expect(identityOutcome(stated, { found: false })).toMatchObject({
      outcome: 'NOT_FOUND',
      mismatchedFields: [],
    });
  });
});
