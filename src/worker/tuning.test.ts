import { loadConfig } from '../config/config';
import { workerTuningOf } from './tuning';

describe("the worker's tuning from configuration", () => {
  it('keeps every SDK default when nothing is set (no key at all, not undefined)', () => {
    expect(workerTuningOf(loadConfig({}))).toEqual({});
  });

  it('passes slots, cache size and pollers through as the SDK names them', () => {
    const config = loadConfig({
      WORKER_MAX_CONCURRENT_ACTIVITIES: '200',
      WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '20',
      WORKER_MAX_CACHED_WORKFLOWS: '0',
      WORKER_WORKFLOW_TASK_POLLERS: '4',
      WORKER_ACTIVITY_TASK_POLLERS: '8',
    });
    expect(workerTuningOf(config)).toEqual({
      maxConcurrentActivityTaskExecutions: 200,
      maxConcurrentWorkflowTaskExecutions: 20,
      maxCachedWorkflows: 0,
      workflowTaskPollerBehavior: { type: 'simple-maximum', maximum: 4 },
      activityTaskPollerBehavior: { type: 'simple-maximum', maximum: 8 },
    });
  });

  it.each([
    ['WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', '1'],
    ['WORKER_MAX_CONCURRENT_ACTIVITIES', '0'],
    ['WORKER_ACTIVITY_TASK_POLLERS', 'many'],
    ['WORKER_MAX_CACHED_WORKFLOWS', '-1'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(variable);
  });
});
