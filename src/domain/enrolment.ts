/** Shared vocabulary of an enrolment case (DESIGN.md §1, §3). Pure data: safe in workflows. */

export const STAGES = ['PRIMARY_1', 'JUNIOR_1'] as const;
export type Stage = (typeof STAGES)[number];

export const FORM_TYPES = ['A', 'B'] as const;
export type FormType = (typeof FORM_TYPES)[number];

export const CHANNELS = ['ONLINE_WEB', 'ONLINE_MOBILE', 'OFFLINE'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ENROLMENT_STATUSES = [
  'SUBMITTED',
  'VERIFYING',
  'AWAITING_REVIEW',
  'NEEDS_SUPPLEMENT',
  'AWAITING_OFFLINE_CHECK',
  'APPROVED',
  'REJECTED',
  'ADMITTED',
  'ASSIGNED_BY_BUREAU',
  'NOT_ADMITTED',
  'WITHDRAWN',
  'EXPIRED',
  /** Closed by an operator (a cancelled or terminated case); the reason is on the timeline. */
  'CANCELLED',
  /** The family declined its place (报到确认); the place went to the school's waitlist. */
  'DECLINED',
  /** The family did not confirm its place by the deadline; the place went to the waitlist. */
  'LAPSED',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const CHECK_OUTCOMES = ['MATCH', 'MISMATCH', 'NOT_FOUND', 'UNAVAILABLE'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

/** Statuses in which a reviewer's decision is accepted. */
export const DECIDABLE_STATUSES: readonly EnrolmentStatus[] = [
  'AWAITING_REVIEW',
  'AWAITING_OFFLINE_CHECK',
];

/** A family may withdraw until a decision is taken. */
export const WITHDRAWABLE_STATUSES: readonly EnrolmentStatus[] = [
  'SUBMITTED',
  'VERIFYING',
  'AWAITING_REVIEW',
  'NEEDS_SUPPLEMENT',
  'AWAITING_OFFLINE_CHECK',
];

/** Cases in these states are over; the child may apply again in the same season and stage. */
export const REOPENABLE_STATUSES: readonly EnrolmentStatus[] = [
  'WITHDRAWN',
  'REJECTED',
  'EXPIRED',
  'CANCELLED',
];

/** Nothing more happens to a case in these. APPROVED is not one: it waits for its admission round. */
export const FINAL_STATUSES: readonly EnrolmentStatus[] = [
  'REJECTED',
  'WITHDRAWN',
  'EXPIRED',
  'ADMITTED',
  'ASSIGNED_BY_BUREAU',
  'NOT_ADMITTED',
  'CANCELLED',
  'DECLINED',
  'LAPSED',
];
