import { CHILD, fakeExchange, formA } from '../../../testing/check-forms';
import { identityCheck, identityOutcome } from './identity';

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

describe('the identity check against the 公安 registry', () => {
  // CHILD is the child `stated` describes, as the registry holds them.
  const registryRecord = { ...stated, divisionCode: '450103', alive: true };

  it('asks by the child’s name and ID number and is MATCH when the record agrees', async () => {
    const { ask, asked } = fakeExchange({
      identity: () => ({ nameMatches: true, record: registryRecord }),
    });
    const result = await identityCheck.verify(formA(), ask);
    expect(asked).toEqual([
      { query: 'identity', request: { name: CHILD.name, idNumber: CHILD.idNumber } },
    ]);
    expect(result).toMatchObject({ outcome: 'MATCH', evidence: { found: true, alive: true } });
  });

  it('is NOT_FOUND when the registry has no record of the number', async () => {
    const { ask } = fakeExchange({});
    expect(await identityCheck.verify(formA(), ask)).toEqual({
      outcome: 'NOT_FOUND',
      mismatchedFields: [],
      evidence: { found: false },
    });
  });
});
