import { FATHER, MOTHER, fakeExchange, formA, formB } from '../../../testing/check-forms';
import { maskResidentId } from '../../resident-id';
import { notFound } from './check';
import {
  residencePermitCheck,
  residencePermitOutcome,
  type RegistryPermit,
} from './residence-permit';

/** The permit formB() states: 450103202500012345, issued by 450103 on 2025-03-01. */
const permit = (patch: Partial<RegistryPermit> = {}): RegistryPermit => ({
  permitNo: '450103202500012345',
  holderIdNumber: MOTHER.idNumber,
  countyCode: '450103',
  issueDate: '2025-03-01',
  expiryDate: '2030-03-01',
  ...patch,
});
const OTHER_PERMIT = permit({
  permitNo: '450105202400000001',
  holderIdNumber: FATHER.idNumber,
  countyCode: '450105',
  issueDate: '2024-01-01',
});

describe('the residence-permit (居住证) check outcome', () => {
  it('is NOT_FOUND when the form states no permit, or the registry holds none', () => {
    expect(residencePermitOutcome(formA(), [permit()])).toEqual(notFound);
    expect(residencePermitOutcome(formB(), [])).toEqual(notFound);
  });

  it('is MATCH on the stated number, county and issue date, with the holder masked', () => {
    expect(residencePermitOutcome(formB(), [permit()])).toEqual({
      outcome: 'MATCH',
      mismatchedFields: [],
      evidence: {
        found: true,
        permitNo: '450103202500012345',
        countyCode: '450103',
        issueDate: '2025-03-01',
        expiryDate: '2030-03-01',
        holderIdNumber: maskResidentId(MOTHER.idNumber),
      },
    });
  });

  it('compares with the guardians’ permit of the stated number, wherever it is among theirs', () => {
    expect(residencePermitOutcome(formB(), [OTHER_PERMIT, permit()])).toMatchObject({
      outcome: 'MATCH',
      evidence: { permitNo: '450103202500012345' },
    });
  });

  it('compares with the first permit when none has the stated number, naming each difference', () => {
    expect(residencePermitOutcome(formB(), [OTHER_PERMIT, permit({ permitNo: 'X' })])).toEqual(
      expect.objectContaining({
        outcome: 'MISMATCH',
        mismatchedFields: [
          'residencePermit.number',
          'residencePermit.issuingCountyCode',
          'residencePermit.issueDate',
        ],
        evidence: expect.objectContaining({ permitNo: OTHER_PERMIT.permitNo }),
      }),
    );
  });

  it.each([
    ['residencePermit.issuingCountyCode', { countyCode: '450105' }],
    ['residencePermit.issueDate', { issueDate: '2025-03-02' }],
  ])('names %s alone when only it differs', (field, patch) => {
    expect(residencePermitOutcome(formB(), [permit(patch)])).toMatchObject({
      outcome: 'MISMATCH',
      mismatchedFields: [field],
    });
  });
});

describe('the residence-permit check against the 公安 registry', () => {
  it('applies to Form B (随迁子女) only', () => {
    expect(residencePermitCheck.appliesTo(formB())).toBe(true);
    expect(residencePermitCheck.appliesTo(formA())).toBe(false);
  });

  it('looks among the permits of every guardian', async () => {
    const { ask, asked } = fakeExchange({
      residencePermit: ({ idNumber }: { idNumber: string }) => ({
        permits: idNumber === MOTHER.idNumber ? [permit()] : [OTHER_PERMIT],
      }),
    });
    expect(await residencePermitCheck.verify(formB(), ask)).toMatchObject({
      outcome: 'MATCH',
      evidence: { holderIdNumber: maskResidentId(MOTHER.idNumber) },
    });
    expect(asked.map((a) => a.request)).toEqual([
      { idNumber: FATHER.idNumber },
      { idNumber: MOTHER.idNumber },
    ]);
  });

  it('is NOT_FOUND when no guardian holds a permit', async () => {
    expect(await residencePermitCheck.verify(formB(), fakeExchange({}).ask)).toEqual(notFound);
  });
});
