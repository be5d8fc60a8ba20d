import {
  DECISION_KINDS,
  decisionReason,
  isDecision,
  missingDecisionFields,
  REJECTION_REASON_CODES,
  statusAfter,
} from './review';
import { appealDecisionSchema, decisionFields, reviewDecisionSchema } from './review-schema';

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

  it('marks each missing field with the REQUIRED rule, so the API names field and rule', () => {
    const error = reviewDecisionSchema.safeParse({ decision: 'REJECT' }).error;
    expect(error?.issues.map((i) => [i.code, (i as { params?: unknown }).params])).toEqual([
      ['custom', { rule: 'REQUIRED' }],
      ['custom', { rule: 'REQUIRED' }],
    ]);
  });

  it('refuses a field it does not know and words past 500 characters', () => {
    expect(issues({ decision: 'APPROVE', score: 5 })?.[0]?.[0]).toBe('');
    expect(
      issues({ decision: 'REJECT', reasonCode: 'OTHER', reason: '字'.repeat(501) })?.[0]?.[0],
    ).toBe('reason');
    expect(
      issues({ decision: 'REJECT', reasonCode: 'OTHER', reason: '字'.repeat(500) }),
    ).toBeUndefined();
  });

  it('tells the API’s readers the decisions its table has', () => {
    expect(decisionFields.decision.description).toBe('APPROVE or REJECT');
    expect(decisionFields.reasonCode.description).toMatch(/^Required for REJECT/);
    expect(decisionFields.reason.description).toMatch(/^Required for REJECT/);
  });
});

describe('the appeal decision schema', () => {
  const issues = (value: unknown) =>
    appealDecisionSchema.safeParse(value).error?.issues.map((i) => i.path.join('.'));

  it('takes UPHOLD or ACCEPT with the words the family reads, and nothing else', () => {
    expect(issues({ decision: 'UPHOLD', reason: 'the catchment is right' })).toBeUndefined();
    expect(issues({ decision: 'ACCEPT', reason: '材料已补齐' })).toBeUndefined();
    expect(issues({ decision: 'ACCEPT' })).toEqual(['reason']);
    expect(issues({ decision: 'ACCEPT', reason: '  ' })).toEqual(['reason']);
    expect(issues({ decision: 'APPROVE', reason: 'x' })).toEqual(['decision']);
    expect(issues({ decision: 'UPHOLD', reason: 'x', extra: 1 })).toEqual(['']);
  });
});
