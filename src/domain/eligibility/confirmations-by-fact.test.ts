import { formA, formB } from '../../testing/check-forms';
import { facts, home, hukou } from '../../testing/verified-facts';
import { SUPPLEMENT_ITEM_CODES } from '../review';
import {
  CONFIRMABLE_FACTS,
  applyConfirmations,
  factConfirmationSchema,
  type FactConfirmation,
  type FactConfirmationFields,
} from './confirmations';

/** Each fact a person can confirm from a document, one at a time, over what the registry said. */
const confirm = (fields: Omit<FactConfirmationFields, 'confirmed'> & { confirmed?: boolean }) =>
  ({ confirmed: true, ...fields, source: 'SUPPLEMENT', by: 'reviewer:r1' }) as FactConfirmation;

describe('the facts a document can confirm', () => {
  it('are the facts the API accepts, each proved by one document a reviewer can ask for', () => {
    const accepted = factConfirmationSchema.options.map((o) => o.shape.fact.value);
    expect(Object.keys(CONFIRMABLE_FACTS).sort()).toEqual([...accepted].sort());
    expect(
      Object.fromEntries(Object.entries(CONFIRMABLE_FACTS).map(([f, d]) => [f, d.document])),
    ).toEqual({
      IDENTITY: 'BIRTH_CERTIFICATE',
      HOUSEHOLD: 'HUKOU_BOOKLET',
      RESIDENCE_PERMIT: 'RESIDENCE_PERMIT',
      PROPERTY: 'PROPERTY_CERTIFICATE',
      SOCIAL_INSURANCE: 'SOCIAL_INSURANCE_PROOF',
      POLICY_CARE: 'POLICY_CARE_PROOF',
    });
    for (const { zh, en, document } of Object.values(CONFIRMABLE_FACTS)) {
      expect(SUPPLEMENT_ITEM_CODES).toContain(document);
      expect(zh.trim()).not.toBe('');
      expect(en.trim()).not.toBe('');
    }
  });

  it('take a home of any kind and holder the registry knows', () => {
    for (const kind of ['OWNED', 'PURCHASE_CONTRACT', 'REGISTERED_RENTAL'])
      for (const holder of ['GUARDIAN', 'GRANDPARENT', 'OTHER'])
        expect(
          factConfirmationSchema.safeParse({
            fact: 'PROPERTY',
            kind,
            holder,
            soleOwnership: false,
            catchmentUnit: null,
            registrationDate: '2020-01-01',
          }).success,
        ).toBe(true);
  });

  it('take a permit’s expiry, and 0 to 24 months of insurance, no more', () => {
    const permit = { fact: 'RESIDENCE_PERMIT', expiryDate: '2028-01-01' };
    expect(factConfirmationSchema.parse(permit)).toEqual({ ...permit, confirmed: true });
    const months = (monthsPaidLast24: number) =>
      factConfirmationSchema.safeParse({ fact: 'SOCIAL_INSURANCE', monthsPaidLast24 }).success;
    expect([-1, 0, 24, 25].map(months)).toEqual([false, true, true, false]);
  });
});

describe('a confirmed household (户口簿)', () => {
  const moved = {
    fact: 'HOUSEHOLD',
    catchmentUnit: '450103-C01',
    moveInDate: '2021-05-01',
  } as const;

  it('is the stated hukou with the document’s unit and date, and the registry’s members', () => {
    const registry = facts({
      household: hukou('2010-01-01', { memberRelations: ['GRANDPARENT'] }),
    });
    expect(applyConfirmations(registry, formA(), [confirm(moved)]).household).toEqual({
      divisionCode: '450103',
      address: '南宁市青秀区民族大道100号',
      catchmentUnit: '450103-C01',
      moveInDate: '2021-05-01',
      memberRelations: ['GRANDPARENT'],
    });
  });

  it('has the guardians as its members when the registry had no household', () => {
    expect(
      applyConfirmations(facts(), formA(), [confirm(moved)]).household?.memberRelations,
    ).toEqual(['GUARDIAN']);
  });

  it('withdrawn, leaves no household, not even the registry’s', () => {
    const registry = facts({ household: hukou() });
    expect(
      applyConfirmations(registry, formA(), [confirm({ ...moved, confirmed: false })]),
    ).not.toHaveProperty('household');
  });
});

describe('a confirmed home (不动产权证)', () => {
  const owned = {
    fact: 'PROPERTY',
    kind: 'OWNED',
    holder: 'GUARDIAN',
    soleOwnership: true,
    catchmentUnit: '450103-C01',
    registrationDate: '2019-06-01',
  } as const;

  it('takes the certificate and address the form states', () => {
    expect(
      applyConfirmations(facts({ property: home() }), formA(), [confirm(owned)]).property,
    ).toEqual({
      certificateNo: '桂(2021)南宁市不动产权第0012345号',
      kind: 'OWNED',
      holder: 'GUARDIAN',
      soleOwnership: true,
      catchmentUnit: '450103-C01',
      registrationDate: '2019-06-01',
      address: '南宁市青秀区民族大道100号',
    });
  });

  it('takes the registry’s certificate and address when the form states no housing, else none', () => {
    const noHousing = formA({ housing: undefined });
    expect(
      applyConfirmations(facts({ property: home() }), noHousing, [confirm(owned)]).property,
    ).toMatchObject({
      certificateNo: home().certificateNo,
      address: home().address,
    });
    expect(applyConfirmations(facts(), noHousing, [confirm(owned)]).property).toMatchObject({
      certificateNo: '',
      address: '',
    });
  });

  it('withdrawn, leaves no home', () => {
    const withdrawn = confirm({ ...owned, confirmed: false });
    expect(
      applyConfirmations(facts({ property: home() }), formA(), [withdrawn]),
    ).not.toHaveProperty('property');
  });
});

describe('a confirmed residence permit (居住证)', () => {
  const permit = { fact: 'RESIDENCE_PERMIT', expiryDate: '2028-03-01' } as const;
  const registry = facts({
    formType: 'B',
    residencePermit: { countyCode: '450105', issueDate: '2020-01-01', expiryDate: '2021-01-01' },
  });

  it('is the stated permit with the expiry the document shows', () => {
    expect(applyConfirmations(registry, formB(), [confirm(permit)]).residencePermit).toEqual({
      countyCode: '450103',
      issueDate: '2025-03-01',
      expiryDate: '2028-03-01',
    });
  });

  it('is no permit when withdrawn, or when the form states none', () => {
    expect(
      applyConfirmations(registry, formB(), [confirm({ ...permit, confirmed: false })]),
    ).not.toHaveProperty('residencePermit');
    expect(applyConfirmations(registry, formA(), [confirm(permit)])).not.toHaveProperty(
      'residencePermit',
    );
  });
});

describe('confirmed social insurance (社保缴费证明)', () => {
  const months = { fact: 'SOCIAL_INSURANCE', monthsPaidLast24: 14 } as const;

  it('counts the document’s months in the county’s city, as an active contribution', () => {
    const registry = facts({
      socialInsurance: { cityCode: '450200', monthsPaidLast24: 3, active: false },
    });
    expect(applyConfirmations(registry, formB(), [confirm(months)]).socialInsurance).toEqual({
      cityCode: '450100',
      monthsPaidLast24: 14,
      active: true,
    });
  });

  it('withdrawn, leaves no insurance, and a confirmation without `confirmed` confirms', () => {
    const registry = facts({
      socialInsurance: { cityCode: '450100', monthsPaidLast24: 20, active: true },
    });
    expect(
      applyConfirmations(registry, formB(), [confirm({ ...months, confirmed: false })]),
    ).not.toHaveProperty('socialInsurance');
    const { confirmed: _absent, ...unsaid } = confirm(months);
    expect(
      applyConfirmations(facts(), formB(), [unsaid as FactConfirmation]).socialInsurance,
    ).toMatchObject({
      monthsPaidLast24: 14,
    });
  });
});
