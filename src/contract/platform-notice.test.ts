import { statusNotice } from './platform-notice';

describe('statusNotice', () => {
  it('names the run and the step in the delivery id, so a repeated delivery can be dropped', () => {
    expect(
      statusNotice(
        { workflowId: 'wf', runId: 'run-2' },
        { applicationNo: '2026-450103-000001-2', ownerSub: 'family-1' },
        { seq: 4, from: 'AWAITING_REVIEW', to: 'CANCELLED', reason: 'duplicate', at: 'T' },
      ),
    ).toEqual({
      deliveryId: 'wf/run-2/4',
      applicationNo: '2026-450103-000001-2',
      ownerSub: 'family-1',
      seq: 4,
      status: 'CANCELLED',
      previousStatus: 'AWAITING_REVIEW',
      reason: 'duplicate',
      at: 'T',
    });
  });
});
