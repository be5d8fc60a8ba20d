import fc from 'fast-check';
import { allocate } from './allocate';
import type { Applicant, Mechanism } from './model';
import { comparePriority } from './priority';
import {
  OFFER_CHECK_GRACE_MS,
  OFFER_RECHECK_MAX_MS,
  untilOfferCheck,
  answered,
  EMPTY_CHAIN,
  exhausted,
  offered,
  placeToOffer,
  released,
  waitlistOrder,
  type ChainState,
  type OfferAnswer,
} from './waitlist';

const SCHOOLS = ['S1', 'S2', 'S3', 'S4'];

const county = fc.record({
  mechanism: fc.constantFrom<Mechanism>('DEFERRED_ACCEPTANCE', 'FIRST_CHOICE_FIRST'),
  seed: fc.string({ minLength: 1, maxLength: 8 }),
  capacities: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 }),
  applicants: fc.array(
    fc.record({
      eligible: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
      choices: fc.uniqueArray(
        fc.record({
          schoolId: fc.constantFrom(...SCHOOLS),
          tier: fc.integer({ min: 1, max: 4 }),
          qualifyingDate: fc.constantFrom('2019-01-01', '2020-06-15', null),
          contributionMonths: fc.constantFrom(0, 12, null),
        }),
        { selector: (c) => c.schoolId, maxLength: 4 },
      ),
    }),
    { maxLength: 40 },
  ),
});

const drawn = county.map((x) => {
  const applicants: Applicant[] = x.applicants.map((a, i) => ({
    id: `A${String(i).padStart(3, '0')}`,
    eligible: a.eligible,
    choices: a.choices,
    location: { x: i, y: 0 },
  }));
  const schools = SCHOOLS.map((id, i) => ({
    id,
    capacity: x.capacities[i]!,
    location: { x: i * 10, y: 0 },
  }));
  return { input: { ...x, applicants, schools }, result: allocate({ ...x, applicants, schools }) };
});

describe('waitlistOrder', () => {
  it('lists exactly those who chose the school, were not placed there and ranked it above their place, in the school’s order', () => {
    fc.assert(
      fc.property(drawn, fc.constantFrom(...SCHOOLS), ({ result }, schoolId) => {
        const list = waitlistOrder(result.results, schoolId);
        for (let i = 1; i < list.length; i += 1)
          expect(comparePriority(list[i - 1]!.key, list[i]!.key)).toBeLessThanOrEqual(0);
        const expected = result.results.filter((r) => {
          const at = r.choices.findIndex((c) => c.schoolId === schoolId);
          const p = r.placement;
          if (at < 0) return false;
          if (p.result === 'NOT_PLACED') return true;
          if (p.schoolId === schoolId) return false;
          return p.result === 'ASSIGNED_BY_BUREAU' || at < p.choiceRank - 1;
        });
        expect(list.map((e) => e.applicantId).sort()).toEqual(
          expected.map((r) => r.applicantId).sort(),
        );
      }),
    );
  });

  it('under deferred acceptance ranks every waitlisted applicant after the school’s cut-off', () => {
    fc.assert(
      fc.property(drawn, ({ input, result }) => {
        if (input.mechanism !== 'DEFERRED_ACCEPTANCE') return;
        for (const s of result.schools) {
          if (!s.cutoff || s.admitted < s.capacity) continue;
          for (const w of waitlistOrder(result.results, s.schoolId))
            expect(comparePriority(s.cutoff, w.key)).toBeLessThan(0);
        }
      }),
    );
  });

  it('places a family admitted at its second choice on its first choice’s list only', () => {
    const key = { tier: 1, qualifyingDate: null, contributionMonths: null, lottery: 'a' };
    const list = (schoolId: string) =>
      waitlistOrder(
        [
          {
            applicantId: 'A',
            placement: { result: 'ADMITTED', schoolId: 'S2', choiceRank: 2 },
            choices: ['S1', 'S2', 'S3'].map((id) => ({
              schoolId: id,
              obtained: id === 'S2',
              own: key,
              cutoff: null,
            })),
          },
        ],
        schoolId,
      ).map((e) => e.applicantId);
    expect([list('S1'), list('S2'), list('S3')]).toEqual([['A'], [], []]);
  });
});

type Step =
  | { kind: 'release'; id: number }
  | { kind: 'offer'; skip: number }
  | { kind: 'answer'; answer: OfferAnswer; stale: boolean };

const steps = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('release' as const), id: fc.integer({ min: 0, max: 6 }) }),
    fc.record({ kind: fc.constant('offer' as const), skip: fc.integer({ min: 0, max: 2 }) }),
    fc.record({
      kind: fc.constant('answer' as const),
      answer: fc.constantFrom<OfferAnswer>('ACCEPTED', 'DECLINED', 'LAPSED', 'REFUSED'),
      stale: fc.boolean(),
    }),
  ),
  { maxLength: 60 },
);

/** Plays the steps as the waitlist workflow would, with a waitlist of `length` applicants. */
function play(length: number, script: readonly Step[]) {
  let s: ChainState = EMPTY_CHAIN;
  const states = [s];
  const offers: { releaseId: string; position: number }[] = [];
  for (const step of script) {
    if (step.kind === 'release') s = released(s, `R${step.id}`);
    else if (step.kind === 'offer' && placeToOffer(s) !== null) {
      // The next live applicant may lie a few places on (closed cases are passed over).
      const position = s.next + step.skip;
      if (position >= length) s = exhausted(s);
      else {
        s = offered(s, position);
        offers.push(s.offer!);
      }
    } else if (step.kind === 'answer' && (s.offer || step.stale)) {
      const offer = step.stale || !s.offer ? { releaseId: 'R0', position: -1 } : s.offer;
      s = answered(s, offer, step.answer);
    }
    states.push(s);
  }
  return { states, offers, final: s };
}

describe('the re-offer chain', () => {
  it('gives every place at most one holder, keeps one offer open at a time, never offers anyone twice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), steps, (length, script) => {
        const { states, offers, final } = play(length, script);
        const positions = offers.map((o) => o.position);
        expect(new Set(positions).size).toBe(positions.length);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        for (const s of states) {
          const holders = s.filled.map((f) => f.releaseId);
          expect(new Set(holders).size).toBe(holders.length);
          expect(new Set(s.filled.map((f) => f.position)).size).toBe(s.filled.length);
          // Each release is in exactly one place: waiting (on offer or not), filled or unfilled.
          const where = [...s.waiting, ...holders, ...s.unfilled];
          expect(new Set(where).size).toBe(where.length);
          expect(where.sort()).toEqual([...s.seen].sort());
          if (s.offer) expect(s.waiting[0]).toBe(s.offer.releaseId);
        }
        // Whoever holds a place accepted that very offer.
        for (const f of final.filled) expect(offers).toContainEqual(f);
      }),
    );
  });

  it('passes a declined place down the list until someone accepts', () => {
    let s = released(EMPTY_CHAIN, 'R1');
    s = offered(s, 0);
    s = answered(s, { releaseId: 'R1', position: 0 }, 'DECLINED');
    s = offered(s, 1);
    s = answered(s, { releaseId: 'R1', position: 1 }, 'LAPSED');
    s = answered(s, { releaseId: 'R1', position: 1 }, 'ACCEPTED');
    expect(s.filled).toEqual([]);
    s = offered(s, 2);
    s = answered(s, { releaseId: 'R1', position: 2 }, 'ACCEPTED');
    expect(s).toMatchObject({ filled: [{ releaseId: 'R1', position: 2 }], waiting: [], next: 3 });
    expect(released(s, 'R1')).toBe(s);
  });
});

describe('when a chain asks about an unanswered offer', () => {
  const deadline = '2026-07-12T10:30:00.000Z';
  const at = Date.parse(deadline);

  it('first at the deadline plus the grace, at once if that is past', () => {
    expect(untilOfferCheck(deadline, 0, at - 5_000)).toBe(5_000 + OFFER_CHECK_GRACE_MS);
    expect(untilOfferCheck(deadline, 0, at + OFFER_CHECK_GRACE_MS + 1)).toBe(1);
  });

  it('then backing off to at most the longest wait', () => {
    expect(untilOfferCheck(deadline, 1, at)).toBe(2 * OFFER_CHECK_GRACE_MS);
    expect(untilOfferCheck(deadline, 2, at)).toBe(4 * OFFER_CHECK_GRACE_MS);
    expect(untilOfferCheck(deadline, 40, at)).toBe(OFFER_RECHECK_MAX_MS);
  });
});
