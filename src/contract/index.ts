/**
 * The contract between the API, the worker and the workflows: workflow inputs, the updates,
 * signals and queries people's actions travel as, search attributes, the platform notice,
 * failure types, the activities' signatures and the replay probe's sink. Workflows and
 * activities both depend on it; it depends only on the SDK's definitions and the domain.
 */
export * from './activities';
export * from './admission';
export * from './case-actions';
export * from './enrolment-workflow';
export * from './failures';
export * from './platform-notice';
export * from './replay-probe';
export * from './retention';
export * from './search-attributes';
export * from './waitlist';
export * from './warnings';
