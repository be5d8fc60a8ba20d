/** ApplicationFailure types a validator or handler rejects with; the API maps them to HTTP. */
export const FAILURE_TYPES = {
  invalidState: 'INVALID_STATE',
  invalidInput: 'INVALID_INPUT',
  /** An appeal came after the county's period (domain/appeals.ts). */
  appealWindowClosed: 'APPEAL_WINDOW_CLOSED',
  /** A department refused the request itself; retrying it cannot help. */
  departmentRejected: 'DEPARTMENT_REJECTED',
} as const;
