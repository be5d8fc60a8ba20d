import { CHILD, FATHER, MOTHER, fakeExchange, formA, formB } from '../../../testing/check-forms';
import { maskResidentId } from '../../resident-id';
import { notFound } from './check';
import { relationCheck, relationOutcome, type HouseholdRelation } from './relation';

const masked = { father: maskResidentId(FATHER.idNumber), mother: maskResidentId(MOTHER.idNumber) };

describe('the guardian-relation check outcome', () => {
  it('is MATCH when every guardian is a parent or grandparent, each confirmed by masked ID', () => {
    expect(relationOutcome(formA(), 'HOUSEHOLD', ['PARENT', 'GRANDPARENT'])).toEqual({
      outcome: 'MATCH',
      mismatchedFields: [],
      evidence: {
        found: true,
        source: 'HOUSEHOLD',
        guardians: [
          { idNumber: masked.father, relation: 'PARENT', confirmed: true },
          { idNumber: masked.mother, relation: 'GRANDPARENT', confirmed: true },
        ],
      },
    });
  });

  it('names each guardian the registry does not relate to the child, or relates as OTHER', () => {
    expect(relationOutcome(formA(), 'HOUSEHOLD', ['OTHER', null])).toEqual({
      outcome: 'MISMATCH',
      mismatchedFields: ['guardians[0].idNumber', 'guardians[1].idNumber'],
      evidence: {
        found: true,
        source: 'HOUSEHOLD',
        guardians: [
          { idNumber: masked.father, relation: 'OTHER', confirmed: false },
          { idNumber: masked.mother, relation: null, confirmed: false },
        ],
      },
    });
    expect(relationOutcome(formA(), 'HOUSEHOLD', ['PARENT', 'OTHER']).mismatchedFields).toEqual([
      'guardians[1].idNumber',
    ]);
  });

  it('takes a guardian the registry gave no answer for as unconfirmed', () => {
    expect(relationOutcome(formA(), 'HOUSEHOLD', ['PARENT']).evidence).toMatchObject({
      guardians: [
        { confirmed: true },
        { idNumber: masked.mother, relation: null, confirmed: false },
      ],
    });
  });
});

describe('Form A: the guardians’ relation in the 公安 household registry', () => {
  const relations = (byGuardian: Record<string, HouseholdRelation | undefined>) =>
    fakeExchange({
      householdRelation: ({ guardianIdNumber }: { guardianIdNumber: string }) => {
        const relation = byGuardian[guardianIdNumber];
        return relation && { relation };
      },
    });

  it('asks about each guardian with the child, and is MATCH for both parents', async () => {
    const { ask, asked } = relations({ [FATHER.idNumber]: 'PARENT', [MOTHER.idNumber]: 'PARENT' });
    expect(await relationCheck.verify(formA(), ask)).toMatchObject({
      outcome: 'MATCH',
      evidence: { source: 'HOUSEHOLD' },
    });
    expect(asked).toEqual(
      [FATHER, MOTHER].map((g) => ({
        query: 'householdRelation',
        request: { childIdNumber: CHILD.idNumber, guardianIdNumber: g.idNumber },
      })),
    );
  });

  it('names a guardian outside the child’s household while the other is confirmed', async () => {
    const { ask } = relations({ [MOTHER.idNumber]: 'PARENT' });
    expect(await relationCheck.verify(formA(), ask)).toMatchObject({
      outcome: 'MISMATCH',
      mismatchedFields: ['guardians[0].idNumber'],
    });
  });

  it('is NOT_FOUND when no guardian is in the child’s household', async () => {
    expect(await relationCheck.verify(formA(), relations({}).ask)).toEqual(notFound);
  });
});

describe('Form B: the parents on the 卫健 birth certificate', () => {
  const certificate = (fatherIdNumber: string | null, motherIdNumber: string | null) =>
    fakeExchange({
      birthCertificate: () => ({
        certificate: { certificateNo: 'Q450000001', fatherIdNumber, motherIdNumber },
      }),
    });

  it('asks by the child’s ID number and confirms the father and the mother it names', async () => {
    const { ask, asked } = certificate(FATHER.idNumber, MOTHER.idNumber);
    expect(await relationCheck.verify(formB(), ask)).toEqual({
      outcome: 'MATCH',
      mismatchedFields: [],
      evidence: {
        found: true,
        source: 'BIRTH_CERTIFICATE',
        guardians: [
          { idNumber: masked.father, relation: 'FATHER', confirmed: true },
          { idNumber: masked.mother, relation: 'MOTHER', confirmed: true },
        ],
      },
    });
    expect(asked).toEqual([{ query: 'birthCertificate', request: { idNumber: CHILD.idNumber } }]);
  });

  it('names a guardian the certificate does not name as a parent', async () => {
    const { ask } = certificate(null, MOTHER.idNumber);
    const result = await relationCheck.verify(formB({ guardians: [MOTHER, FATHER] }), ask);
    expect(result).toMatchObject({
      outcome: 'MISMATCH',
      mismatchedFields: ['guardians[1].idNumber'],
      evidence: { guardians: [{ relation: 'MOTHER' }, { relation: null }] },
    });
  });

  it('is NOT_FOUND when there is no birth certificate for the child', async () => {
    expect(await relationCheck.verify(formB(), fakeExchange({}).ask)).toEqual(notFound);
  });
});
