import fc from 'fast-check';
import { ENROLMENT_STATUSES, FINAL_STATUSES } from '../enrolment';
import {
  casesDueFrom,
  idempotencyCutoff,
  isCaseDue,
  latestSeasonDue,
  RETENTION_POLICY,
  retentionPolicySchema,
  seasonEnd,
  type RetentionPolicy,
} from './policy';

const instants = fc.date({
  min: new Date('2024-01-01T00:00:00Z'),
  max: new Date('2110-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const seasons = fc.integer({ min: 2024, max: 2100 });
const policies: fc.Arbitrary<RetentionPolicy> = fc.record({
  version: fc.constant('test'),
  seasonEndsOn: fc.record({
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  }),
  closedCasesAnonymisedAfterMonths: fc.integer({ min: 0, max: 120 }),
  auditKeptMonths: fc.integer({ min: 6, max: 120 }),
  idempotencyRecordsKeptDays: fc.integer({ min: 1, max: 365 }),
  scheduleCron: fc.constant('30 18 * * *'),
});
const closed = fc.constantFrom(...FINAL_STATUSES);

describe('retention policy (properties over dates)', () => {
  it('anonymises the 2026 season from 1 September 2027, China time, under the published policy', () => {
    expect(seasonEnd(2026).toISOString()).toBe('2026-08-31T16:00:00.000Z');
    expect(casesDueFrom(2026).toISOString()).toBe('2027-08-31T16:00:00.000Z');
    expect(
      isCaseDue({ seasonYear: 2026, status: 'ADMITTED' }, new Date('2027-08-31T15:59:59.999Z')),
    ).toBe(false);
    expect(
      isCaseDue({ seasonYear: 2026, status: 'ADMITTED' }, new Date('2027-08-31T16:00:00Z')),
    ).toBe(true);
  });

  it('finds a closed case due exactly from its season end plus the period, never a moment before', () => {
    fc.assert(
      fc.property(policies, seasons, closed, (policy, year, status) => {
        const from = casesDueFrom(year, policy).getTime();
        expect(from).toBeGreaterThanOrEqual(seasonEnd(year, policy).getTime());
        expect(isCaseDue({ seasonYear: year, status }, new Date(from - 1), policy)).toBe(false);
        expect(isCaseDue({ seasonYear: year, status }, new Date(from), policy)).toBe(true);
      }),
    );
  });

  it('keeps a case due once it is due, and a later season never due before an earlier one', () => {
    fc.assert(
      fc.property(policies, seasons, closed, instants, instants, (policy, year, status, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        if (isCaseDue({ seasonYear: year, status }, early, policy))
          expect(isCaseDue({ seasonYear: year, status }, late, policy)).toBe(true);
        if (isCaseDue({ seasonYear: year + 1, status }, early, policy))
          expect(isCaseDue({ seasonYear: year, status }, early, policy)).toBe(true);
      }),
    );
  });

  it('selects by one comparison: a closed case is due exactly when its season is at most the latest due', () => {
    fc.assert(
      fc.property(policies, seasons, closed, instants, (policy, year, status, now) => {
        expect(isCaseDue({ seasonYear: year, status }, now, policy)).toBe(
          year <= latestSeasonDue(now, policy),
        );
      }),
    );
  });

  it('never anonymises a case that is still open, however old its season', () => {
    const open = ENROLMENT_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));
    expect(open).toContain('APPROVED');
    fc.assert(
      fc.property(
        policies,
        seasons,
        fc.constantFrom(...open),
        instants,
        (policy, year, status, now) => {
          expect(isCaseDue({ seasonYear: year, status }, now, policy)).toBe(false);
        },
      ),
    );
  });

  it('deletes an idempotency record only after its period', () => {
    fc.assert(
      fc.property(
        policies,
        instants,
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        (policy, now, age) => {
          const created = new Date(now.getTime() - age);
          const due = created < idempotencyCutoff(now, policy);
          expect(due).toBe(age > policy.idempotencyRecordsKeptDays * 86_400_000);
        },
      ),
    );
  });

  it('refuses a policy that keeps audit rows less than the six months 等保 requires', () => {
    expect(
      retentionPolicySchema.safeParse({ ...RETENTION_POLICY, auditKeptMonths: 5 }).success,
    ).toBe(false);
    expect(
      retentionPolicySchema.safeParse({ ...RETENTION_POLICY, auditKeptMonths: 6 }).success,
    ).toBe(true);
  });
});
