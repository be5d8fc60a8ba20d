import fc from 'fast-check';
import type { ApplicationForm } from '../forms/application-form';
import { POLICY_CARE_CATEGORIES } from '../forms/application-form';
import { reassessedReason } from '../timeline-reasons';
import { assessPriority } from './assess';
import {
  applyConfirmations,
  factConfirmationSchema,
  type FactConfirmation,
  type FactConfirmationFields,
} from './confirmations';
import type { SchoolCatchment, VerifiedFacts } from './facts';
import { DEFAULT_POLICY, type PriorityPolicy } from './policy';

const HOME = '南宁市青秀区民族大道100号';
const school: SchoolCatchment = {
  id: '450103-P01',
  stage: 'PRIMARY_1',
  catchmentUnits: ['450103-C01'],
  feederPrimaryIds: [],
};
const form = {
  seasonYear: 2026,
  stage: 'PRIMARY_1',
  countyCode: '450103',
  formType: 'A',
  child: { hukouAddress: HOME, hukouDivisionCode: '450103', birthDate: '2020-03-15' },
  housing: {
    type: 'OWNED_SOLE',
    certificateNo: '桂(2019)南宁市不动产权第0000001号',
    address: HOME,
  },
} as unknown as ApplicationForm;

/** What the registries gave a case whose identity check was UNAVAILABLE: nothing confirmed. */
const unconfirmed: VerifiedFacts = {
  seasonYear: 2026,
  stage: 'PRIMARY_1',
  formType: 'A',
  countyCode: '450103',
  cityCode: '450100',
  identityConfirmed: false,
  birthDate: '2020-03-15',
  policyCareConfirmed: false,
};

const by = (fields: FactConfirmationFields, source: FactConfirmation['source'] = 'OFFLINE_CHECK') =>
  ({ ...fields, source, by: 'reviewer:r1' }) as FactConfirmation;

function assess(facts: VerifiedFacts, policy: PriorityPolicy = DEFAULT_POLICY) {
  return assessPriority({ facts, choices: [school], policy, bornOnOrBefore: '2020-08-31' });
}

describe('facts people confirm from documents', () => {
  it('makes a child whose identity a person confirmed eligible, where the registry could not', () => {
    expect(assess(unconfirmed)).toMatchObject({ eligible: false });
    const after = assess(
      applyConfirmations(unconfirmed, form, [by({ fact: 'IDENTITY', confirmed: true })]),
    );
    expect(after).toMatchObject({ eligible: true, schools: [{ tier: 9 }] });
  });

  it('puts confirmed policy care in the POLICY_CARE tier, naming the category in the evidence', () => {
    const facts = applyConfirmations(unconfirmed, form, [
      by({ fact: 'IDENTITY', confirmed: true }),
      by({ fact: 'POLICY_CARE', confirmed: true, category: 'MILITARY' }, 'CORRECTION'),
    ]);
    const [first] = assess(facts).schools;
    expect(first).toMatchObject({ tier: 1, predicate: 'POLICY_CARE' });
    expect(first!.evidence.join(' ')).toContain('军人子女');
  });

  it('counts only the categories the county’s policy recognises', () => {
    const policy = {
      ...DEFAULT_POLICY,
      policyCare: [{ code: 'MARTYR_FAMILY' as const, nameZh: '烈士子女', nameEn: 'martyrs' }],
    };
    const facts = applyConfirmations(unconfirmed, form, [
      by({ fact: 'IDENTITY', confirmed: true }),
      by({ fact: 'POLICY_CARE', confirmed: true, category: 'MILITARY' }),
    ]);
    expect(assess(facts, policy).schools[0]).toMatchObject({
      tier: 9,
      predicate: 'OTHER_ELIGIBLE',
    });
  });

  it('builds a household and a home from the statement and what the document states', () => {
    const facts = applyConfirmations({ ...unconfirmed, identityConfirmed: true }, form, [
      by({
        fact: 'HOUSEHOLD',
        confirmed: true,
        catchmentUnit: '450103-C01',
        moveInDate: '2021-05-01',
      }),
      by({
        fact: 'PROPERTY',
        confirmed: true,
        kind: 'OWNED',
        holder: 'GUARDIAN',
        soleOwnership: true,
        catchmentUnit: '450103-C01',
        registrationDate: '2019-06-01',
      }),
    ]);
    expect(assess(facts).schools[0]).toMatchObject({
      tier: 1,
      predicate: 'SOLE_OWNED_HOME_AT_HUKOU_IN_CATCHMENT',
    });
  });

  it('lets a correction withdraw a fact confirmed earlier', () => {
    const facts = applyConfirmations(unconfirmed, form, [
      by({ fact: 'IDENTITY', confirmed: true }),
      by({ fact: 'POLICY_CARE', confirmed: true, category: 'MILITARY' }),
      by({ fact: 'POLICY_CARE', confirmed: false, category: 'MILITARY' }, 'CORRECTION'),
    ]);
    expect(facts.policyCareConfirmed).toBe(false);
    expect(assess(facts).schools[0]).toMatchObject({ tier: 9 });
  });

  it('refuses a policy-care confirmation without its category, and an unknown fact', () => {
    expect(factConfirmationSchema.safeParse({ fact: 'POLICY_CARE' }).success).toBe(false);
    expect(factConfirmationSchema.safeParse({ fact: 'INCOME' }).success).toBe(false);
    expect(factConfirmationSchema.parse({ fact: 'IDENTITY' })).toEqual({
      fact: 'IDENTITY',
      confirmed: true,
    });
  });

  const date = fc
    .date({ min: new Date('2010-01-01'), max: new Date('2026-08-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const unit = fc.constantFrom('450103-C01', '450103-C09', null);
  const confirmation: fc.Arbitrary<FactConfirmation> = fc
    .oneof(
      fc.record({ fact: fc.constant('IDENTITY' as const), confirmed: fc.boolean() }),
      fc.record({
        fact: fc.constant('POLICY_CARE' as const),
        confirmed: fc.boolean(),
        category: fc.constantFrom(...POLICY_CARE_CATEGORIES),
      }),
      fc.record({
        fact: fc.constant('HOUSEHOLD' as const),
        confirmed: fc.boolean(),
        catchmentUnit: unit,
        moveInDate: date,
      }),
      fc.record({
        fact: fc.constant('PROPERTY' as const),
        confirmed: fc.boolean(),
        kind: fc.constantFrom(
          'OWNED' as const,
          'PURCHASE_CONTRACT' as const,
          'REGISTERED_RENTAL' as const,
        ),
        holder: fc.constantFrom('GUARDIAN' as const, 'GRANDPARENT' as const, 'OTHER' as const),
        soleOwnership: fc.boolean(),
        catchmentUnit: unit,
        registrationDate: date,
      }),
      fc.record({
        fact: fc.constant('SOCIAL_INSURANCE' as const),
        confirmed: fc.boolean(),
        monthsPaidLast24: fc.integer({ min: 0, max: 24 }),
      }),
    )
    .chain((fields) =>
      fc
        .constantFrom('OFFLINE_CHECK' as const, 'SUPPLEMENT' as const, 'CORRECTION' as const)
        .map((source) => by(fields, source)),
    );

  it('takes the latest word on each fact: the result depends only on the last confirmation of each', () => {
    fc.assert(
      fc.property(fc.array(confirmation, { maxLength: 12 }), (list) => {
        const lastOfEach = [...new Map(list.map((c) => [c.fact, c])).values()];
        expect(applyConfirmations(unconfirmed, form, list)).toEqual(
          applyConfirmations(unconfirmed, form, lastOfEach),
        );
      }),
    );
  });

  it('is idempotent: assessing again on the same confirmations changes nothing', () => {
    fc.assert(
      fc.property(fc.array(confirmation, { maxLength: 8 }), (list) => {
        const once = applyConfirmations(unconfirmed, form, list);
        expect(applyConfirmations(unconfirmed, form, [...list, ...list])).toEqual(once);
        expect(assess(once)).toEqual(
          assess(applyConfirmations(unconfirmed, form, [...list, ...list])),
        );
      }),
    );
  });

  it('never lets a confirmation make a child too young eligible, nor leave identity unconfirmed eligible', () => {
    fc.assert(
      fc.property(fc.array(confirmation, { maxLength: 8 }), (list) => {
        const facts = applyConfirmations({ ...unconfirmed, birthDate: '2021-01-01' }, form, list);
        expect(assess(facts).eligible).toBe(false);
        const identity = list.filter((c) => c.fact === 'IDENTITY').at(-1);
        const adult = assess(applyConfirmations(unconfirmed, form, list));
        expect(adult.eligible).toBe(identity?.confirmed === true);
      }),
    );
  });
});

describe('the timeline’s word on a re-assessment', () => {
  const notEligible = { eligible: false, tiers: [], notes: ['IDENTITY_NOT_CONFIRMED'] };
  const eligible = {
    eligible: true,
    tiers: [{ schoolId: '450103-P01', tier: 1, predicate: 'POLICY_CARE' }],
    notes: [],
  };

  it('says why and what changed: eligibility, then each tier with the predicate it now rests on', () => {
    expect(
      reassessedReason(2, 'OFFLINE_CHECK by reviewer:r1: IDENTITY', notEligible, eligible),
    ).toBe(
      'Re-assessed (version 2) after OFFLINE_CHECK by reviewer:r1: IDENTITY: not eligible (IDENTITY_NOT_CONFIRMED) → eligible; 450103-P01 tier – → 1 (POLICY_CARE)',
    );
  });

  it('says so when nothing changed', () => {
    expect(reassessedReason(3, 'CORRECTION by reviewer:r1: IDENTITY', eligible, eligible)).toBe(
      'Re-assessed (version 3) after CORRECTION by reviewer:r1: IDENTITY: no change',
    );
  });
});
