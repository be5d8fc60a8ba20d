import { FATHER, MOTHER, fakeExchange, formA } from '../../../testing/check-forms';
import { askEachGuardian, notFound, outcome } from './check';
import { socialInsuranceQuery } from './social-insurance';

describe('what every check is made of', () => {
  it('NOT_FOUND names no field and keeps only that the registry found nothing', () => {
    expect(notFound).toEqual({
      outcome: 'NOT_FOUND',
      mismatchedFields: [],
      evidence: { found: false },
    });
  });

  it('is MATCH with no disagreeing field and MISMATCH with any, keeping the evidence either way', () => {
    const evidence = { found: true, address: '南宁市青秀区民族大道100号' };
    expect(outcome([], evidence)).toEqual({ outcome: 'MATCH', mismatchedFields: [], evidence });
    expect(outcome(['housing.address'], evidence)).toEqual({
      outcome: 'MISMATCH',
      mismatchedFields: ['housing.address'],
      evidence,
    });
  });
});

describe('asking a query about each guardian', () => {
  const record = (monthsPaidLast24: number) => ({
    record: { cityCode: '450100', monthsPaidLast24, status: 'ACTIVE' as const },
  });

  it('asks by each guardian’s ID number, in the form’s order', async () => {
    const { ask, asked } = fakeExchange({ socialInsurance: () => record(12) });
    await askEachGuardian(formA(), ask, socialInsuranceQuery);
    expect(asked).toEqual([
      { query: 'socialInsurance', request: { idNumber: FATHER.idNumber } },
      { query: 'socialInsurance', request: { idNumber: MOTHER.idNumber } },
    ]);
  });

  it('keeps the answers of the guardians the registry holds and drops the others', async () => {
    const { ask } = fakeExchange({
      socialInsurance: ({ idNumber }: { idNumber: string }) =>
        idNumber === MOTHER.idNumber ? record(20) : undefined,
    });
    expect(await askEachGuardian(formA(), ask, socialInsuranceQuery)).toEqual([record(20)]);
  });
});
