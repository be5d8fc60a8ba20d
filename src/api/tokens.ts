/** Nest injection tokens for the API's dependencies, which are built outside Nest and handed in. */
export const API_CONFIG = Symbol('API_CONFIG');
export const APPLICATION_REPOSITORY = Symbol('APPLICATION_REPOSITORY');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const ACCESS_TOKEN_SETTINGS = Symbol('ACCESS_TOKEN_SETTINGS');
export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
export const REFERENCE_DATA = Symbol('REFERENCE_DATA');
export const APPOINTMENTS = Symbol('APPOINTMENTS');
export const AUDIT = Symbol('AUDIT');
export const ATTACHMENT_STORE = Symbol('ATTACHMENT_STORE');
export const REVIEW_QUEUE = Symbol('REVIEW_QUEUE');
export const ROUNDS = Symbol('ROUNDS');
export const ADMINISTRATION = Symbol('ADMINISTRATION');
export const ELIGIBILITY = Symbol('ELIGIBILITY');
export const DB = Symbol('DB');
export const CASE_OPERATIONS = Symbol('CASE_OPERATIONS');
export const REPLAY_CHECK = Symbol('REPLAY_CHECK');
export const PLATFORM_NOTIFIER = Symbol('PLATFORM_NOTIFIER');
