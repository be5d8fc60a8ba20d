/*
 * Guardianship (issue 13): how many cases one account may hold. Who may submit at all is
 * `namesGuardian` in application-identity.ts, beside the keyed hash it compares.
 */

/** Live cases one account may hold at once when no policy says otherwise. */
export const DEFAULT_LIVE_CASES_PER_ACCOUNT = 3;
