import { CHILD, FATHER, MOTHER, fakeExchange, formA } from '../../../testing/check-forms';
import { buildResidentId } from '../../../simulator/population';
import { maskResidentId } from '../../resident-id';
import { notFound } from './check';
import {
  grandparentIdsIn,
  householdCheck,
  householdOutcome,
  type RegistryHousehold,
} from './household';

const ADDRESS = '南宁市青秀区民族大道100号';
const SIBLING = buildResidentId('450103', '2017-01-09', 11, 'FEMALE');
const GRANDFATHER = buildResidentId('450103', '1960-02-01', 21, 'MALE');
const GRANDMOTHER = buildResidentId('450103', '1962-07-12', 22, 'FEMALE');
const AUNT = buildResidentId('450103', '1990-11-30', 23, 'FEMALE');
const COUSIN = buildResidentId('450103', '2019-04-04', 24, 'MALE');

const member = (idNumber: string, relationToHead: string, moveInDate = '2020-04-01') => ({
  idNumber,
  name: '李某',
  relationToHead,
  moveInDate,
});

/** The parents' own household: father heads it, the children are CHILD. */
const parents = (patch: Partial<RegistryHousehold> = {}): RegistryHousehold => ({
  householdNo: 'HH-0001',
  divisionCode: '450103',
  address: ADDRESS,
  catchmentUnit: '450103-C01',
  members: [
    member(FATHER.idNumber, 'HEAD', '2015-01-01'),
    member(MOTHER.idNumber, 'SPOUSE', '2016-01-01'),
    member(CHILD.idNumber, 'CHILD', '2020-04-01'),
    member(SIBLING, 'CHILD', '2017-02-01'),
  ],
  ...patch,
});

/** Three generations: the grandparents head it, the child and a cousin are GRANDCHILD. */
const grandparents: RegistryHousehold = parents({
  members: [
    member(GRANDFATHER, 'HEAD'),
    member(GRANDMOTHER, 'SPOUSE'),
    member(FATHER.idNumber, 'CHILD'),
    member(AUNT, 'CHILD'),
    member(CHILD.idNumber, 'GRANDCHILD', '2021-06-01'),
    member(COUSIN, 'GRANDCHILD'),
  ],
});

describe('who the grandparents of a household are', () => {
  it('are its head and the head’s spouse when the child is their grandchild', () => {
    expect(grandparentIdsIn(grandparents, CHILD.idNumber)).toEqual([GRANDFATHER, GRANDMOTHER]);
  });
  it('are nobody when the child is the head’s child, or not in the household at all', () => {
    expect(grandparentIdsIn(parents(), CHILD.idNumber)).toEqual([]);
    expect(grandparentIdsIn(grandparents, SIBLING)).toEqual([]);
  });
});

describe('the household (户籍) check outcome', () => {
  it('is NOT_FOUND when the registry has no household, or one without the child', () => {
    expect(householdOutcome(formA(), undefined)).toEqual(notFound);
    const withoutChild = parents({
      members: parents().members.filter((m) => m.idNumber !== CHILD.idNumber),
    });
    expect(householdOutcome(formA(), withoutChild)).toEqual(notFound);
  });

  it('is MATCH on the stated division and address, with the child’s move-in date and masked members', () => {
    expect(householdOutcome(formA(), parents())).toEqual({
      outcome: 'MATCH',
      mismatchedFields: [],
      evidence: {
        found: true,
        householdNo: 'HH-0001',
        divisionCode: '450103',
        address: ADDRESS,
        catchmentUnit: '450103-C01',
        childMoveInDate: '2020-04-01',
        memberRelations: ['GUARDIAN', 'GUARDIAN', 'SIBLING'],
        members: parents().members.map((m) => ({
          idNumber: maskResidentId(m.idNumber),
          name: m.name,
          relationToHead: m.relationToHead,
        })),
      },
    });
  });

  it('relates the other members to the child: guardian, grandparent, sibling or other', () => {
    const form = formA({ guardians: [FATHER] });
    const evidence = householdOutcome(form, grandparents).evidence;
    // The grandparents head the household; the father is a guardian; the aunt is not a sibling
    // (her relation to the head differs from the child's); the cousin's is the same: sibling.
    expect(evidence).toMatchObject({
      memberRelations: ['GRANDPARENT', 'GRANDPARENT', 'GUARDIAN', 'OTHER', 'SIBLING'],
    });
  });

  it('calls a head who is no guardian OTHER, not a grandparent, when the child is the head’s child', () => {
    const stepfather = buildResidentId('450103', '1985-03-03', 31, 'MALE');
    const household = parents({
      members: [
        member(stepfather, 'HEAD'),
        member(MOTHER.idNumber, 'SPOUSE'),
        member(CHILD.idNumber, 'CHILD'),
      ],
    });
    expect(householdOutcome(formA({ guardians: [MOTHER] }), household).evidence).toMatchObject({
      memberRelations: ['OTHER', 'GUARDIAN'],
    });
  });

  it('names the hukou division the registry disagrees on', () => {
    expect(householdOutcome(formA(), parents({ divisionCode: '450102' }))).toMatchObject({
      outcome: 'MISMATCH',
      mismatchedFields: ['child.hukouDivisionCode'],
      evidence: { divisionCode: '450102' },
    });
  });

  it('names the hukou address when it differs, but not for spaces or full-width digits', () => {
    expect(
      householdOutcome(formA(), parents({ address: '南宁市青秀区民族大道200号' })),
    ).toMatchObject({
      outcome: 'MISMATCH',
      mismatchedFields: ['child.hukouAddress'],
    });
    expect(
      householdOutcome(formA(), parents({ address: '南宁市青秀区 民族大道１００号' })),
    ).toMatchObject({
      outcome: 'MATCH',
      mismatchedFields: [],
    });
  });

  it('names both when division and address differ', () => {
    const household = parents({ divisionCode: '450102', address: '南宁市兴宁区朝阳路1号' });
    expect(householdOutcome(formA(), household).mismatchedFields).toEqual([
      'child.hukouDivisionCode',
      'child.hukouAddress',
    ]);
  });
});

describe('the household check against the 公安 registry', () => {
  it('asks for the household by the child’s ID number', async () => {
    const { ask, asked } = fakeExchange({ household: () => ({ household: parents() }) });
    expect(await householdCheck.verify(formA(), ask)).toMatchObject({ outcome: 'MATCH' });
    expect(asked).toEqual([{ query: 'household', request: { idNumber: CHILD.idNumber } }]);
  });
  it('is NOT_FOUND when the registry has no household for the child', async () => {
    expect(await householdCheck.verify(formA(), fakeExchange({}).ask)).toEqual(notFound);
  });
});
