import {
  appealDeadline,
  appealDecidedReason,
  appealForFamily,
  DEFAULT_APPEAL_WINDOW_MS,
  isAppealable,
  statusAfterAppeal,
  type AppealRecord,
} from './appeals';
import { missingAppealDecisionFields } from './review';

describe('appeals (复核)', () => {
  it('takes appeals of a rejection and of each placement, not of other statuses', () => {
    expect(
      ['REJECTED', 'ADMITTED', 'ASSIGNED_BY_BUREAU', 'NOT_ADMITTED'].every((s) =>
        isAppealable(s as never),
      ),
    ).toBe(true);
    expect(isAppealable('APPROVED')).toBe(false);
    expect(isAppealable('WITHDRAWN')).toBe(false);
  });

  it('counts the period from the result, the county’s or the default', () => {
    const at = '2026-07-01T08:00:00.000Z';
    expect(appealDeadline(at, 60_000)).toBe('2026-07-01T08:01:00.000Z');
    expect(Date.parse(appealDeadline(at, undefined)) - Date.parse(at)).toBe(
      DEFAULT_APPEAL_WINDOW_MS,
    );
  });

  it('sends only an accepted appeal of a rejection back to review', () => {
    expect(statusAfterAppeal('ACCEPT', 'REJECTED')).toBe('AWAITING_REVIEW');
    expect(statusAfterAppeal('UPHOLD', 'REJECTED')).toBe('REJECTED');
    expect(statusAfterAppeal('ACCEPT', 'NOT_ADMITTED')).toBe('NOT_ADMITTED');
  });

  it('needs the reviewer’s words for either answer', () => {
    expect(missingAppealDecisionFields({ decision: 'UPHOLD', reason: '  ' }).fields).toEqual([
      'reason',
    ]);
    expect(missingAppealDecisionFields({ decision: 'ACCEPT', reason: '材料齐全' }).fields).toEqual(
      [],
    );
  });

  it('tells the family where its appeal stands, in both languages', () => {
    expect(appealForFamily(null, null)).toBeNull();
    expect(appealForFamily(null, '2026-07-06T08:00:00.000Z')).toMatchObject({
      state: 'OPEN',
      text: { zh: expect.stringContaining('2026-07-06'), en: expect.stringContaining('appeal') },
    });
    const filed: AppealRecord = {
      appealed: 'REJECTED',
      reason: '家长的理由',
      filedBy: 'parent:p',
      filedAt: '2026-07-02T08:00:00.000Z',
      deadline: '2026-07-06T08:00:00.000Z',
      outcome: null,
    };
    expect(appealForFamily(filed, null)).toMatchObject({ state: 'PENDING' });
    const upheld = appealForFamily(
      {
        ...filed,
        outcome: {
          decision: 'UPHOLD',
          reason: '户籍迁入晚于截止日期',
          reviewerId: 'reviewer:r',
          decidedAt: '2026-07-03T08:00:00.000Z',
        },
      },
      null,
    );
    expect(upheld).toMatchObject({ state: 'UPHELD', reason: '户籍迁入晚于截止日期' });
    // The family's own words are not repeated back in its view.
    expect(JSON.stringify(upheld)).not.toContain('家长的理由');
    expect(appealDecidedReason('ACCEPT', '重新审核')).toBe(
      '复核申请成立:重新审核\nYour appeal is accepted: 重新审核',
    );
  });
});
