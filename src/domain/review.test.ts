import {
  DECISION_KINDS,
  decisionReason,
  isDecision,
  missingDecisionFields,
  REJECTION_REASON_CODES,
  statusAfter,
} from './review';
import { reviewDecisionSchema } from './review-schema';

describe('review decisions', () => {
  it('moves the case to the status of its decision', () => {
    expect(statusAfter('APPROVE')).toBe('APPROVED');
    expect(statusAfter('REJECT')).toBe('REJECTED');
  });

  it('knows only the decisions of its table', () => {
    expect(DECISION_KINDS).toEqual(['APPROVE', 'REJECT']);
    expect(isDecision('REJECT')).toBe(true);
    expect(isDecision('toString')).toBe(false);
    expect(isDecision(undefined)).toBe(false);
  });

  it('requires a reason code and words for a rejection, nothing for an approval', () => {
    expect(missingDecisionFields({ decision: 'APPROVE' }).fields).toEqual([]);
    expect(missingDecisionFields({ decision: 'REJECT' })).toEqual({
      fields: ['reasonCode', 'reason'],
      message: 'Required for a rejection.',
    });
    expect(missingDecisionFields({ decision: 'REJECT', reason: '  ' }).fields).toEqual([
      'reasonCode',
      'reason',
    ]);
    expect(
      missingDecisionFields({ decision: 'REJECT', reasonCode: 'OTHER', reason: 'why' }).fields,
    ).toEqual([]);
  });

  it('writes a rejection on the timeline as its code and words, an approval as its note', () => {
    expect(
      decisionReason({ decision: 'REJECT', reasonCode: 'AGE_NOT_MET', reason: 'too young' }),
    ).toBe('AGE_NOT_MET: too young');
    expect(decisionReason({ decision: 'REJECT', reason: 'no code' })).toBe('OTHER: no code');
    expect(decisionReason({ decision: 'APPROVE' })).toBeNull();
    expect(decisionReason({ decision: 'APPROVE', reason: 'fine' })).toBe('fine');
  });
});

describe('the review decision schema', () => {
  const issues = (value: unknown) =>
    reviewDecisionSchema.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message]);

  it('accepts an approval alone and a complete rejection', () => {
    expect(issues({ decision: 'APPROVE' })).toBeUndefined();
    expect(
      issues({ decision: 'REJECT', reasonCode: REJECTION_REASON_CODES[0], reason: ' words ' }),
    ).toBeUndefined();
  });

  it('names each field a rejection lacks, with the same rule the workflow applies', () => {
    expect(issues({ decision: 'REJECT' })).toEqual([
      ['reasonCode', 'Required for a rejection.'],
      ['reason', 'Required for a rejection.'],
    ]);
    expect(issues({ decision: 'REJECT', reasonCode: 'OTHER' })).toEqual([
      ['reason', 'Required for a rejection.'],
    ]);
  });

  it('refuses blank words, a code not on the list and an unknown decision', () => {
    expect(issues({ decision: 'REJECT', reasonCode: 'OTHER', reason: '   ' })?.[0]?.[0]).toBe(
      'reason',
    );
    expect(issues({ decision: 'REJECT', reasonCode: 'BAD', reason: 'x' })?.[0]?.[0]).toBe(
      'reasonCode',
    );
    expect(issues({ decision: 'MAYBE' })?.[0]?.[0]).toBe('decision');
  });
});
