import type { AuditEntry } from '../../db/audit-repository';

/**
 * What the audit log keeps of a request besides who made it: the server's id, the client's own id
 * (kept apart: it is whatever the client sent), the source address, the county of the object once
 * a service has found it, and how many rows the request has written so far (a service that
 * audits its own work, case by case, leaves nothing for the interceptor to add).
 */
export interface RequestTrail {
  readonly requestId: string;
  readonly clientRequestId?: string;
  readonly sourceAddress?: string;
  countyCode?: string;
  written: number;
}

export type TrailedRequest = { trail?: RequestTrail };

/** The request-level fields of an audit row, counted as written. */
export function originOf(
  trail: RequestTrail | undefined,
): Pick<AuditEntry, 'requestId' | 'clientRequestId' | 'sourceAddress'> {
  if (!trail) return { requestId: null };
  trail.written += 1;
  return {
    requestId: trail.requestId,
    clientRequestId: trail.clientRequestId ?? null,
    sourceAddress: trail.sourceAddress ?? null,
  };
}
