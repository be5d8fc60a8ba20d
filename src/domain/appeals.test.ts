import {
  appealAnswer,
  appealDeadline,
  appealDecidedReason,
  appealForFamily,
  choicesAbove,
  DEFAULT_APPEAL_WINDOW_MS,
  isAppealable,
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

  it('sends an accepted appeal of a refusal (a rejection, or no place) back to review', () => {
    expect(appealAnswer('ACCEPT', 'REJECTED', 'REJECTED', false)).toEqual({
      status: 'AWAITING_REVIEW',
      effect: 'REVIEWED_AGAIN',
    });
    expect(appealAnswer('ACCEPT', 'NOT_ADMITTED', 'NOT_ADMITTED', false)).toEqual({
      status: 'AWAITING_REVIEW',
      effect: 'REVIEWED_AGAIN',
    });
  });

  it('keeps the result of an upheld appeal, whatever was appealed', () => {
    for (const appealed of ['REJECTED', 'ADMITTED', 'ASSIGNED_BY_BUREAU', 'NOT_ADMITTED'] as const)
      expect(appealAnswer('UPHOLD', appealed, appealed, true)).toEqual({
        status: appealed,
        effect: 'RESULT_STANDS',
      });
  });

  it('keeps the place of an accepted appeal of a placement, and seeks a better one', () => {
    for (const placed of ['ADMITTED', 'ASSIGNED_BY_BUREAU'] as const) {
      expect(appealAnswer('ACCEPT', placed, placed, true)).toEqual({
        status: placed,
        effect: 'BETTER_PLACE_SOUGHT',
      });
      // A run from before place confirmation holds no place a round could improve.
      expect(appealAnswer('ACCEPT', placed, placed, false)).toEqual({
        status: placed,
        effect: 'RESULT_STANDS',
      });
    }
  });

  it('lets a place given meanwhile stand: the answer does not undo a later round', () => {
    expect(appealAnswer('ACCEPT', 'NOT_ADMITTED', 'ADMITTED', true)).toEqual({
      status: 'ADMITTED',
      effect: 'OVERTAKEN',
    });
    expect(appealAnswer('UPHOLD', 'NOT_ADMITTED', 'ASSIGNED_BY_BUREAU', true)).toEqual({
      status: 'ASSIGNED_BY_BUREAU',
      effect: 'OVERTAKEN',
    });
    expect(appealAnswer('ACCEPT', 'ADMITTED', 'DECLINED', false).status).toBe('DECLINED');
  });

  it('lets a child keeping its place compete only for the schools ranked above it', () => {
    const choices = [{ schoolId: 'A' }, { schoolId: 'B' }, { schoolId: 'C' }];
    expect(choicesAbove(choices, 'C')).toEqual([{ schoolId: 'A' }, { schoolId: 'B' }]);
    expect(choicesAbove(choices, 'A')).toEqual([]);
    // A bureau place (统筹) at none of the choices: every choice is better.
    expect(choicesAbove(choices, 'Z')).toEqual(choices);
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
    // An answer recorded before its effect was kept: the reviewer's words only.
    expect(upheld).not.toHaveProperty('next');
    // The family's own words are not repeated back in its view.
    expect(JSON.stringify(upheld)).not.toContain('家长的理由');
    expect(appealDecidedReason('ACCEPT', '重新审核', 'REVIEWED_AGAIN', 'REJECTED')).toBe(
      '复核申请成立:重新审核。申请已退回教育局重新审核,审核通过后参加下一轮录取(补录)。\n' +
        'Your appeal is accepted: 重新审核. The application goes back to the bureau for review; ' +
        'once approved it takes part in the next admission round (补录).',
    );
  });

  it('tells the family what happens next after each answer, Chinese first', () => {
    const answered = (
      appealed: AppealRecord['appealed'],
      decision: 'ACCEPT' | 'UPHOLD',
      effect: NonNullable<AppealRecord['outcome']>['effect'],
    ) =>
      appealForFamily(
        {
          appealed,
          reason: 'r',
          filedBy: 'parent:p',
          filedAt: '2026-07-02T08:00:00.000Z',
          deadline: '2026-07-06T08:00:00.000Z',
          outcome: {
            decision,
            reason: '经核实',
            reviewerId: 'reviewer:r',
            decidedAt: '2026-07-03T08:00:00.000Z',
            effect,
          },
        },
        null,
      );
    expect(answered('ADMITTED', 'ACCEPT', 'BETTER_PLACE_SOUGHT')).toMatchObject({
      state: 'ACCEPTED',
      effect: 'BETTER_PLACE_SOUGHT',
      next: { zh: expect.stringContaining('保留'), en: expect.stringContaining('kept') },
    });
    expect(answered('NOT_ADMITTED', 'UPHOLD', 'RESULT_STANDS')).toMatchObject({
      state: 'UPHELD',
      next: { zh: expect.stringContaining('补录'), en: expect.stringContaining('supplementary') },
    });
    // The reviewer's own stop is not doubled.
    expect(appealDecidedReason('UPHOLD', '材料不符。', 'RESULT_STANDS', 'NOT_ADMITTED')).toMatch(
      /^复核维持原结果:材料不符。孩子仍参加下一轮补录。\n/,
    );
  });
});
