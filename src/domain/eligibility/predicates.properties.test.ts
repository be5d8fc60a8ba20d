import fc from 'fast-check';
import { ELSEWHERE_IN_CATCHMENT, HOME, IN, OUT, SCHOOL, facts } from '../../testing/verified-facts';
import type { VerifiedHousehold, VerifiedProperty } from './facts';
import { DEFAULT_POLICY, type PredicateName } from './policy';
import { evaluatePredicate, monthsUntilCutoff, sameAddress } from './predicates';

const date = fc
  .date({ min: new Date('2005-01-01'), max: new Date('2026-08-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const unit = fc.constantFrom(IN, OUT, null);
// The same address written two ways, and another one in the catchment.
const address = fc.constantFrom(HOME, '南宁市青秀区 民族大道１００号', ELSEWHERE_IN_CATCHMENT);

const household: fc.Arbitrary<VerifiedHousehold> = fc.record({
  divisionCode: fc.constant('450103'),
  address,
  catchmentUnit: unit,
  moveInDate: date,
  memberRelations: fc.subarray(['GUARDIAN', 'GRANDPARENT', 'SIBLING', 'OTHER'] as const),
});
const property: fc.Arbitrary<VerifiedProperty> = fc.record({
  certificateNo: fc.constant('桂(2019)南宁市不动产权第0000001号'),
  kind: fc.constantFrom('OWNED', 'PURCHASE_CONTRACT', 'REGISTERED_RENTAL'),
  holder: fc.constantFrom('GUARDIAN', 'GRANDPARENT', 'OTHER'),
  soleOwnership: fc.boolean(),
  address,
  catchmentUnit: unit,
  registrationDate: date,
});
/** Any Form A facts about a hukou and a home, each present or not. */
const anyFacts = fc
  .record({
    household: fc.option(household, { nil: undefined }),
    property: fc.option(property, { nil: undefined }),
  })
  .map(facts);

const context = (f: ReturnType<typeof facts>, homeUsable: boolean, hukouMonthsThreshold = 12) => ({
  facts: f,
  school: SCHOOL,
  policy: { ...DEFAULT_POLICY, hukouMonthsThreshold },
  homeUsable,
});

describe('properties of the predicate catalogue', () => {
  it('lets a locked housing certificate support no home-based predicate', () => {
    // Listed here rather than taken from HOME_BASED, so that the test cannot pass on an empty set.
    const homeBased: PredicateName[] = [
      'SOLE_OWNED_HOME_AT_HUKOU_IN_CATCHMENT',
      'CO_OWNED_HOME_AT_HUKOU_IN_CATCHMENT',
      'HUKOU_IN_CATCHMENT_AND_HOME_ELSEWHERE_IN_CATCHMENT',
      'THREE_GENERATIONS_AT_GRANDPARENT_HOME',
      'HOME_IN_CATCHMENT_HUKOU_ELSEWHERE',
    ];
    fc.assert(
      fc.property(anyFacts, (f) => {
        for (const name of homeBased)
          expect(evaluatePredicate(name, context(f, false))).toEqual({
            holds: false,
            evidence: [],
          });
      }),
    );
  });

  it('leaves the predicates that do not look at a home alone when the certificate is locked', () => {
    const homeless: PredicateName[] = ['POLICY_CARE', 'FEEDER_PRIMARY', 'OTHER_ELIGIBLE'];
    fc.assert(
      fc.property(anyFacts, (f) => {
        for (const name of homeless)
          expect(evaluatePredicate(name, context(f, false))).toEqual(
            evaluatePredicate(name, context(f, true)),
          );
      }),
    );
  });

  it('puts a hukou in the catchment without a home there over or under the threshold, never both', () => {
    fc.assert(
      fc.property(
        anyFacts,
        fc.boolean(),
        fc.integer({ min: 0, max: 36 }),
        (f, usable, threshold) => {
          const ctx = context(f, usable, threshold);
          const over = evaluatePredicate('HUKOU_IN_CATCHMENT_OVER_THRESHOLD_NO_HOME', ctx).holds;
          const under = evaluatePredicate('HUKOU_IN_CATCHMENT_UNDER_THRESHOLD_NO_HOME', ctx).holds;
          expect(over && under).toBe(false);
          const p = f.property;
          const homeInCatchment =
            usable &&
            p?.holder === 'GUARDIAN' &&
            p.kind !== 'REGISTERED_RENTAL' &&
            p.catchmentUnit === IN;
          const hukouOnly = f.household?.catchmentUnit === IN && !homeInCatchment;
          expect(over || under).toBe(hukouOnly);
          if (over) {
            // Whole months from the move-in month to August of the season, counted on the calendar.
            const moved = new Date(`${f.household!.moveInDate}T00:00:00Z`);
            const months = (2026 - moved.getUTCFullYear()) * 12 + (7 - moved.getUTCMonth());
            expect(months).toBeGreaterThanOrEqual(threshold);
          }
        },
      ),
    );
  });

  it('counts the months to 31 August regardless of the day of the month moved in', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 2024, max: 2030 }), (from, season) => {
        const firstOfMonth = `${from.slice(0, 8)}01`;
        expect(monthsUntilCutoff(from, season)).toBe(monthsUntilCutoff(firstOfMonth, season));
        // A season later, twelve months more.
        expect(monthsUntilCutoff(from, season + 1)).toBe(monthsUntilCutoff(from, season) + 12);
      }),
    );
  });
});

describe('addresses as registries write them', () => {
  const ascii = fc.constantFrom(...'0123456789ABCabc-#()');
  const chinese = fc.constantFrom(...'南宁市青秀区民族大道号栋单元室');
  const addressText = fc
    .array(fc.oneof(ascii, chinese), { minLength: 1, maxLength: 20 })
    .map((cs) => cs.join(''));
  const fullWidth = (s: string) =>
    s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

  it('are the same whatever the spaces and full-width forms', () => {
    fc.assert(
      fc.property(addressText, fc.nat(), (a, cut) => {
        const at = cut % (a.length + 1);
        const spaced = `${a.slice(0, at)} \u3000${a.slice(at)} `;
        expect(sameAddress(a, fullWidth(spaced))).toBe(true);
      }),
    );
  });

  it('differ when a character differs', () => {
    fc.assert(
      fc.property(addressText, (a) => {
        expect(sameAddress(a, `${a}1`)).toBe(false);
        expect(sameAddress(`${a}号`, `${a}栋`)).toBe(false);
      }),
    );
  });
});
