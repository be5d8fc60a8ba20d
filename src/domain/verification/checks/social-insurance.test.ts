import fc from 'fast-check';
import { FATHER, MOTHER, fakeExchange, formA, formB } from '../../../testing/check-forms';
import { notFound } from './check';
import {
  socialInsuranceCheck,
  socialInsuranceOutcome,
  type RegistryInsurance,
} from './social-insurance';

const record = (
  monthsPaidLast24: number,
  patch: Partial<RegistryInsurance> = {},
): RegistryInsurance => ({ cityCode: '450100', monthsPaidLast24, status: 'ACTIVE', ...patch });

/** Form B declaring `months` of social insurance in the city. */
const declaring = (months: number) =>
  formB({
    employment: { type: 'EMPLOYED', employerOrLicence: '某公司', socialInsuranceMonths: months },
  });

describe('the social-insurance (社保) check outcome', () => {
  it('is NOT_FOUND when the form declares no months, or no guardian has a record', () => {
    expect(socialInsuranceOutcome(formA(), [record(24)])).toEqual(notFound);
    expect(socialInsuranceOutcome(declaring(12), [])).toEqual(notFound);
  });

  it('is MATCH when the registry holds at least the months declared', () => {
    expect(socialInsuranceOutcome(declaring(18), [record(18)])).toEqual({
      outcome: 'MATCH',
      mismatchedFields: [],
      evidence: { found: true, cityCode: '450100', monthsPaidLast24: 18, active: true },
    });
  });

  it('is MISMATCH on the declared months when the registry holds fewer', () => {
    expect(socialInsuranceOutcome(declaring(18), [record(17)])).toEqual({
      outcome: 'MISMATCH',
      mismatchedFields: ['employment.socialInsuranceMonths'],
      evidence: { found: true, cityCode: '450100', monthsPaidLast24: 17, active: true },
    });
  });

  it('records a suspended contribution as not active', () => {
    expect(
      socialInsuranceOutcome(declaring(6), [record(20, { status: 'SUSPENDED' })]).evidence,
    ).toMatchObject({ active: false });
  });

  it('lets the guardian with the longest record speak for the family', () => {
    const guardianRecord = fc.record({
      cityCode: fc.constantFrom('450100', '450200', '450300'),
      monthsPaidLast24: fc.integer({ min: 0, max: 24 }),
      status: fc.constantFrom('ACTIVE' as const, 'SUSPENDED' as const),
    });
    const declared = [0, 12, 24].map(declaring);
    fc.assert(
      fc.property(
        fc.array(guardianRecord, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(0, 1, 2),
        (records, d) => {
          const form = declared[d]!;
          const most = Math.max(...records.map((r) => r.monthsPaidLast24));
          const result = socialInsuranceOutcome(form, records);
          const speaker = records.filter((r) => r.monthsPaidLast24 === most);
          expect(speaker).toContainEqual({
            cityCode: (result.evidence as { cityCode: string }).cityCode,
            monthsPaidLast24: most,
            status: (result.evidence as { active: boolean }).active ? 'ACTIVE' : 'SUSPENDED',
          });
          const enough = most >= form.employment!.socialInsuranceMonths;
          expect(result.outcome).toBe(enough ? 'MATCH' : 'MISMATCH');
        },
      ),
    );
  });
});

describe('the social-insurance check against the 人社 registry', () => {
  it('applies to Form B (随迁子女) only', () => {
    expect(socialInsuranceCheck.appliesTo(formB())).toBe(true);
    expect(socialInsuranceCheck.appliesTo(formA())).toBe(false);
  });

  it('asks about every guardian and weighs the records found', async () => {
    const { ask, asked } = fakeExchange({
      socialInsurance: ({ idNumber }: { idNumber: string }) =>
        idNumber === MOTHER.idNumber ? { record: record(20, { cityCode: '450200' }) } : undefined,
    });
    expect(await socialInsuranceCheck.verify(declaring(12), ask)).toMatchObject({
      outcome: 'MATCH',
      evidence: { cityCode: '450200', monthsPaidLast24: 20 },
    });
    expect(asked.map((a) => a.request)).toEqual([
      { idNumber: FATHER.idNumber },
      { idNumber: MOTHER.idNumber },
    ]);
  });
});
