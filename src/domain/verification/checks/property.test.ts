import { CHILD, FATHER, MOTHER, fakeExchange, formA } from '../../../testing/check-forms';
import { buildResidentId } from '../../../simulator/population';
import { HOUSING_TYPES } from '../../forms/application-form';
import { maskResidentId } from '../../resident-id';
import { notFound } from './check';
import { propertyCheck, propertyOutcome, type RegistryProperty } from './property';

const ADDRESS = '南宁市青秀区民族大道100号';
const CERTIFICATE = '桂(2021)南宁市不动产权第0012345号';
const GRANDFATHER = buildResidentId('450103', '1960-02-01', 21, 'MALE');
const STRANGER = buildResidentId('450105', '1970-08-08', 41, 'MALE');

const holder = (idNumber: string, share = 1) => ({ idNumber, name: '李某', share });
const registry = (patch: Partial<RegistryProperty> = {}): RegistryProperty => ({
  certificateNo: CERTIFICATE,
  kind: 'OWNED',
  holders: [holder(FATHER.idNumber)],
  address: ADDRESS,
  catchmentUnit: '450103-C01',
  registrationDate: '2021-06-01',
  ...patch,
});
/** The form's housing section, stated as `type`, at the registry's address. */
const stating = (type: string) =>
  formA({ housing: { type, certificateNo: CERTIFICATE, address: ADDRESS } });

describe('the property check outcome', () => {
  it('is NOT_FOUND without a registry record, or without a housing claim', () => {
    expect(propertyOutcome(formA(), undefined, [])).toEqual(notFound);
    expect(propertyOutcome(formA({ housing: undefined }), registry(), [])).toEqual(notFound);
  });

  it('is MATCH for a home a guardian holds alone as stated, with masked holders as evidence', () => {
    expect(propertyOutcome(stating('OWNED_SOLE'), registry(), [])).toEqual({
      outcome: 'MATCH',
      mismatchedFields: [],
      evidence: {
        found: true,
        certificateNo: CERTIFICATE,
        kind: 'OWNED',
        holder: 'GUARDIAN',
        soleOwnership: true,
        address: ADDRESS,
        catchmentUnit: '450103-C01',
        registrationDate: '2021-06-01',
        holders: [{ idNumber: maskResidentId(FATHER.idNumber), name: '李某', share: 1 }],
      },
    });
  });

  // Each stated housing type expects one kind of record; any other kind is a mismatch of type.
  const HOLDERS_FOR: Partial<Record<string, ReturnType<typeof holder>[]>> = {
    OWNED_SHARED: [holder(FATHER.idNumber, 0.5), holder(STRANGER, 0.5)],
    GRANDPARENT_OWNED: [holder(GRANDFATHER)],
  };
  const EXPECTED_KIND: Record<string, RegistryProperty['kind']> = {
    OWNED_SOLE: 'OWNED',
    OWNED_SHARED: 'OWNED',
    GRANDPARENT_OWNED: 'OWNED',
    PURCHASE_CONTRACT: 'PURCHASE_CONTRACT',
    REGISTERED_RENTAL: 'REGISTERED_RENTAL',
  };
  const KINDS = ['OWNED', 'PURCHASE_CONTRACT', 'REGISTERED_RENTAL'] as const;
  it.each(
    HOUSING_TYPES.filter((t) => t !== 'NONE').flatMap((type) =>
      KINDS.map((kind) => ({ type, kind })),
    ),
  )(
    'stated $type against a registered $kind: a type mismatch exactly when they differ',
    ({ type, kind }) => {
      const holders = HOLDERS_FOR[type] ?? [holder(FATHER.idNumber)];
      const result = propertyOutcome(stating(type), registry({ kind, holders }), [GRANDFATHER]);
      expect(result.mismatchedFields).toEqual(EXPECTED_KIND[type] === kind ? [] : ['housing.type']);
    },
  );

  it('names the type once when a home stated as sole is co-held and is not a home at all', () => {
    const property = registry({
      kind: 'PURCHASE_CONTRACT',
      holders: [holder(FATHER.idNumber, 0.5), holder(STRANGER, 0.5)],
    });
    expect(propertyOutcome(stating('OWNED_SOLE'), property, []).mismatchedFields).toEqual([
      'housing.type',
    ]);
  });

  it('calls a home the guardians hold together sole, so stating it shared is a type mismatch', () => {
    const property = registry({
      holders: [holder(FATHER.idNumber, 0.5), holder(MOTHER.idNumber, 0.5)],
    });
    expect(propertyOutcome(stating('OWNED_SOLE'), property, [])).toMatchObject({
      outcome: 'MATCH',
      evidence: { holder: 'GUARDIAN', soleOwnership: true },
    });
    expect(propertyOutcome(stating('OWNED_SHARED'), property, [])).toMatchObject({
      mismatchedFields: ['housing.type'],
    });
  });

  it('calls a home a guardian holds with someone else not sole, so stating it sole is a type mismatch', () => {
    const property = registry({ holders: [holder(STRANGER, 0.5), holder(FATHER.idNumber, 0.5)] });
    expect(propertyOutcome(stating('OWNED_SOLE'), property, [])).toMatchObject({
      mismatchedFields: ['housing.type'],
      evidence: { holder: 'GUARDIAN', soleOwnership: false },
    });
  });

  it('takes a guardian among the holders over a grandparent', () => {
    const property = registry({
      holders: [holder(GRANDFATHER, 0.5), holder(FATHER.idNumber, 0.5)],
    });
    expect(propertyOutcome(stating('OWNED_SHARED'), property, [GRANDFATHER])).toMatchObject({
      outcome: 'MATCH',
      evidence: { holder: 'GUARDIAN' },
    });
  });

  it('calls a home a grandparent holds with a stranger the grandparent’s', () => {
    const property = registry({ holders: [holder(STRANGER, 0.5), holder(GRANDFATHER, 0.5)] });
    expect(propertyOutcome(stating('GRANDPARENT_OWNED'), property, [GRANDFATHER])).toMatchObject({
      outcome: 'MATCH',
      evidence: { holder: 'GRANDPARENT', soleOwnership: false },
    });
  });

  it('names the holder when a grandparent’s home is stated as the guardians’, and the reverse', () => {
    const grandparentsHome = registry({ holders: [holder(GRANDFATHER)] });
    expect(propertyOutcome(stating('OWNED_SHARED'), grandparentsHome, [GRANDFATHER])).toMatchObject(
      { mismatchedFields: ['housing.holder'] },
    );
    expect(propertyOutcome(stating('GRANDPARENT_OWNED'), registry(), [GRANDFATHER])).toMatchObject({
      mismatchedFields: ['housing.holder'],
    });
  });

  it('names the holder of a home that belongs to someone who is neither', () => {
    const strangersHome = registry({ holders: [holder(STRANGER)] });
    for (const type of ['GRANDPARENT_OWNED', 'OWNED_SHARED']) {
      const result = propertyOutcome(stating(type), strangersHome, [GRANDFATHER]);
      expect(result.evidence).toMatchObject({ holder: 'OTHER' });
      expect(result.mismatchedFields).toContain('housing.holder');
    }
  });

  it('names the address when it differs, but not for spaces or full-width digits', () => {
    const elsewhere = registry({ address: '南宁市青秀区民族大道200号' });
    expect(propertyOutcome(stating('OWNED_SOLE'), elsewhere, [])).toMatchObject({
      outcome: 'MISMATCH',
      mismatchedFields: ['housing.address'],
    });
    const sameWrittenDifferently = registry({ address: '南宁市青秀区 民族大道１００号' });
    expect(propertyOutcome(stating('OWNED_SOLE'), sameWrittenDifferently, [])).toMatchObject({
      outcome: 'MATCH',
    });
  });
});

describe('the property check against the real-estate registry', () => {
  it('applies to a housing claim with a certificate, not to NONE or to no claim', () => {
    expect(propertyCheck.appliesTo(formA())).toBe(true);
    const none = { type: 'NONE', certificateNo: CERTIFICATE, address: ADDRESS };
    expect(propertyCheck.appliesTo(formA({ housing: none }))).toBe(false);
    expect(propertyCheck.appliesTo(formA({ housing: undefined }))).toBe(false);
  });

  it('is NOT_FOUND without asking when the form names no certificate', async () => {
    for (const housing of [undefined, { type: 'NONE' }]) {
      const { ask, asked } = fakeExchange({ realEstate: () => ({ property: registry() }) });
      expect(await propertyCheck.verify(formA({ housing }), ask)).toEqual(notFound);
      expect(asked).toEqual([]);
    }
  });

  it('is NOT_FOUND when the registry has no such certificate', async () => {
    const { ask, asked } = fakeExchange({ household: () => ({ household: {} }) });
    expect(await propertyCheck.verify(formA(), ask)).toEqual(notFound);
    expect(asked).toEqual([{ query: 'realEstate', request: { certificateNo: CERTIFICATE } }]);
  });

  it('does not ask for the household when a guardian holds the home, alone or with others', async () => {
    const { ask, asked } = fakeExchange({ realEstate: () => ({ property: registry() }) });
    expect(await propertyCheck.verify(formA(), ask)).toMatchObject({ outcome: 'MATCH' });
    expect(asked.map((a) => a.query)).toEqual(['realEstate']);
    // A guardian among the holders settles who holds it; the 公安 registry is not asked needlessly.
    const coHeld = registry({ holders: [holder(STRANGER, 0.5), holder(FATHER.idNumber, 0.5)] });
    const shared = fakeExchange({ realEstate: () => ({ property: coHeld }) });
    expect(await propertyCheck.verify(stating('OWNED_SHARED'), shared.ask)).toMatchObject({
      outcome: 'MATCH',
      evidence: { holder: 'GUARDIAN' },
    });
    expect(shared.asked.map((a) => a.query)).toEqual(['realEstate']);
  });

  it('asks the child’s household whether a holder who is no guardian is a grandparent', async () => {
    const form = stating('GRANDPARENT_OWNED');
    const members = [
      { idNumber: GRANDFATHER, name: '李某', relationToHead: 'HEAD', moveInDate: '2000-01-01' },
      {
        idNumber: CHILD.idNumber,
        name: CHILD.name,
        relationToHead: 'GRANDCHILD',
        moveInDate: '2020-04-01',
      },
    ];
    const household = {
      householdNo: 'HH-1',
      divisionCode: '450103',
      address: ADDRESS,
      catchmentUnit: null,
      members,
    };
    const { ask, asked } = fakeExchange({
      realEstate: () => ({ property: registry({ holders: [holder(GRANDFATHER)] }) }),
      household: () => ({ household }),
    });
    expect(await propertyCheck.verify(form, ask)).toMatchObject({
      outcome: 'MATCH',
      evidence: { holder: 'GRANDPARENT' },
    });
    expect(asked[1]).toEqual({ query: 'household', request: { idNumber: CHILD.idNumber } });
  });

  it('calls the holder OTHER when the child’s household is not found', async () => {
    const { ask } = fakeExchange({
      realEstate: () => ({ property: registry({ holders: [holder(GRANDFATHER)] }) }),
    });
    expect(await propertyCheck.verify(stating('GRANDPARENT_OWNED'), ask)).toMatchObject({
      mismatchedFields: ['housing.holder'],
      evidence: { holder: 'OTHER' },
    });
  });
});
