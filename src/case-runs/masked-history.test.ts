import { defaultPayloadConverter } from '@temporalio/common';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { maskHistoryJson } from './masked-history';

const form = {
  child: {
    name: '李小明',
    idNumber: '45010320200315013X',
    currentAddress: '南宁市青秀区民族大道100号',
  },
  guardians: [{ name: '李大明', mobile: '13800138000' }],
};

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Two events as Temporal's JSON has them: a start with the form, a failed check. */
const history = historyFromJSON({
  events: [
    {
      eventId: '1',
      eventType: 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED',
      workflowExecutionStartedEventAttributes: {
        workflowType: { name: 'enrolmentApplication' },
        taskQueue: { name: 'enrolment' },
        input: {
          payloads: [
            {
              metadata: { encoding: base64('json/plain') },
              data: base64(JSON.stringify({ form })),
            },
          ],
        },
      },
    },
    {
      eventId: '2',
      eventType: 'EVENT_TYPE_ACTIVITY_TASK_FAILED',
      activityTaskFailedEventAttributes: {
        failure: { message: 'registry refused 450103198805060751, call 13977100000' },
      },
    },
  ],
});

describe('a history exported masked', () => {
  const masked = historyFromJSON(JSON.parse(maskHistoryJson(historyToJSON(history))));
  const [started, failed] = masked.events!;

  it('masks the form inside the payloads and the free text beside them', () => {
    const attributes = started!.workflowExecutionStartedEventAttributes!;
    expect(defaultPayloadConverter.fromPayload(attributes.input!.payloads![0]!)).toEqual({
      form: {
        child: {
          name: '李*明',
          idNumber: '450103********013X',
          currentAddress: '南宁市青秀区********',
        },
        guardians: [{ name: '李*明', mobile: '138****8000' }],
      },
    });
    expect(failed!.activityTaskFailedEventAttributes!.failure!.message).toBe(
      'registry refused 450103********0751, call 139****0000',
    );
  });

  it('keeps what Temporal needs to read it: types, queues, ids', () => {
    expect(masked.events).toHaveLength(2);
    const attributes = started!.workflowExecutionStartedEventAttributes!;
    expect(attributes.workflowType!.name).toBe('enrolmentApplication');
    expect(attributes.taskQueue!.name).toBe('enrolment');
    expect(Number(failed!.eventId)).toBe(2);
  });
});
