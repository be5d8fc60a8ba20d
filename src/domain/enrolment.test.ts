import {
  CHANNELS,
  CHECK_OUTCOMES,
  DECIDABLE_STATUSES,
  ENROLMENT_STATUSES,
  FINAL_STATUSES,
  FORM_TYPES,
  REOPENABLE_STATUSES,
  STAGES,
  WITHDRAWABLE_STATUSES,
} from './enrolment';

/** The case's vocabulary and how its status sets fit together: each set is a rule others read. */
const isStatus = (s: string): boolean => (ENROLMENT_STATUSES as readonly string[]).includes(s);

describe("an enrolment case's vocabulary", () => {
  it('names two stages, two forms, three channels, four check outcomes, fifteen statuses, each once', () => {
    expect(STAGES).toEqual(['PRIMARY_1', 'JUNIOR_1']);
    expect(FORM_TYPES).toEqual(['A', 'B']);
    expect(CHANNELS).toEqual(['ONLINE_WEB', 'ONLINE_MOBILE', 'OFFLINE']);
    expect(CHECK_OUTCOMES).toEqual(['MATCH', 'MISMATCH', 'NOT_FOUND', 'UNAVAILABLE']);
    expect(new Set(ENROLMENT_STATUSES).size).toBe(15);
    for (const status of ENROLMENT_STATUSES) expect(status).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
    expect(ENROLMENT_STATUSES[0]).toBe('SUBMITTED');
  });

  it('decides only a case waiting for review, which the family may still withdraw', () => {
    expect([...DECIDABLE_STATUSES].sort()).toEqual(['AWAITING_OFFLINE_CHECK', 'AWAITING_REVIEW']);
    for (const status of DECIDABLE_STATUSES) expect(WITHDRAWABLE_STATUSES).toContain(status);
  });

  it('lets the family withdraw until a decision, never once a case is over', () => {
    expect([...WITHDRAWABLE_STATUSES].sort()).toEqual(
      [
        'AWAITING_OFFLINE_CHECK',
        'AWAITING_REVIEW',
        'NEEDS_SUPPLEMENT',
        'SUBMITTED',
        'VERIFYING',
      ].sort(),
    );
    for (const status of WITHDRAWABLE_STATUSES) expect(FINAL_STATUSES).not.toContain(status);
  });

  it('ends every status but those in progress and APPROVED, which waits for its round', () => {
    const open = ENROLMENT_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));
    expect(open).toEqual([...WITHDRAWABLE_STATUSES, 'APPROVED']);
    for (const status of FINAL_STATUSES) expect(isStatus(status)).toBe(true);
    expect(new Set(FINAL_STATUSES).size).toBe(FINAL_STATUSES.length);
  });

  it('lets a child apply again only after a case that placed nobody and is over', () => {
    expect([...REOPENABLE_STATUSES].sort()).toEqual([
      'CANCELLED',
      'EXPIRED',
      'REJECTED',
      'WITHDRAWN',
    ]);
    for (const status of REOPENABLE_STATUSES) expect(FINAL_STATUSES).toContain(status);
    for (const placed of ['ADMITTED', 'ASSIGNED_BY_BUREAU', 'DECLINED', 'LAPSED'] as const)
      expect(REOPENABLE_STATUSES).not.toContain(placed);
  });
});
