import type { EnrolmentStatus } from '../domain/enrolment';

/** What the platform (桂通办) is told of each status change. */
export interface StatusNotice {
  readonly deliveryId: string;
  readonly applicationNo: string;
  readonly ownerSub: string | null;
  readonly seq: number;
  readonly status: EnrolmentStatus;
  readonly previousStatus: EnrolmentStatus | null;
  readonly reason: string | null;
  readonly at: string;
}
