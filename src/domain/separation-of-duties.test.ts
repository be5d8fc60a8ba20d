import { approvalProblem, type RecordedApproval } from './separation-of-duties';

const reject = {
  decision: 'REJECT',
  reasonCode: 'FALSE_INFORMATION',
  reason: '房产证明经核实不真实',
} as const;
const approval: RecordedApproval = {
  actor: 'reviewer:r-1',
  role: 'REVIEWER',
  decision: reject,
  used: false,
};

describe('a decision delivered through the console (separation of duties)', () => {
  it("goes ahead with a reviewer's unused approval of exactly that decision", () => {
    expect(approvalProblem(approval, reject, 'operator:o-1')).toBeUndefined();
  });

  it.each([
    ['no approval', undefined, reject, 'operator:o-1', /no reviewer approved/],
    [
      'an operator alone',
      { ...approval, actor: 'operator:o-1', role: 'OPERATOR' },
      reject,
      'operator:o-1',
      /not made by a reviewer/,
    ],
    ['approving and delivering oneself', approval, reject, 'reviewer:r-1', /cannot approve it/],
    [
      'an approval used before',
      { ...approval, used: true },
      reject,
      'operator:o-1',
      /used already/,
    ],
    [
      'another decision',
      approval,
      { decision: 'APPROVE' } as const,
      'operator:o-1',
      /another decision/,
    ],
    [
      'another reason',
      approval,
      { ...reject, reason: '另一理由' },
      'operator:o-1',
      /another decision/,
    ],
  ] as const)('is refused with %s', (_what, recorded, delivered, deliverer, problem) => {
    expect(approvalProblem(recorded, delivered, deliverer)).toMatch(problem);
  });
});
