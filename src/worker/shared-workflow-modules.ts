/**
 * Modules of the workflow bundle whose module scope is pure but costly (zod schemas built at
 * load): the SDK's reusable V8 context loads them once and shares them, deep-frozen, between
 * workflows (`preloadModules`). Otherwise every workflow the worker creates evaluates them again,
 * about 18 of the 97 ms of CPU a case spent in the workflow sandbox (docs/performance.md). Only
 * modules that keep no state of a workflow's belong here: never a workflow, nor what calls the SDK.
 */
export const SHARED_WORKFLOW_MODULES: readonly string[] = [
  require.resolve('../domain/forms/application-form'),
  require.resolve('../domain/eligibility/policy'),
  require.resolve('../domain/retention/policy'),
];

/**
 * What every bundle of the case workflows is built from, the worker's and a test's or a bench's
 * prebuilt one alike: the workflows, with the shared modules preloaded.
 */
export function caseWorkflowsBundle(): { workflowsPath: string; preloadModules: string[] } {
  return {
    workflowsPath: require.resolve('../workflows'),
    preloadModules: [...SHARED_WORKFLOW_MODULES],
  };
}
