import type { StatusCount } from '../db/review-queue-repository';
import { DECIDABLE_STATUSES } from '../domain/enrolment';
import { casesByStatus, reviewBacklog, reviewOverdue } from './metrics';

/**
 * Replaces the read-model gauges with one count of the read model. A county's review backlog and
 * overdue count are written even when zero, so an emptied queue reads 0 rather than vanishing.
 */
export function setReadModelGauges(counts: readonly StatusCount[]): void {
  clearReadModelGauges();
  for (const county of new Set(counts.map((c) => c.countyCode))) {
    reviewOverdue.set({ county }, 0);
    for (const status of DECIDABLE_STATUSES) reviewBacklog.set({ county, status }, 0);
  }
  for (const { countyCode: county, stage, status, cases, overdue } of counts) {
    casesByStatus.set({ county, stage, status }, cases);
    if (DECIDABLE_STATUSES.includes(status)) reviewBacklog.inc({ county, status }, cases);
    reviewOverdue.inc({ county }, overdue);
  }
}

/** Figures that could not be refreshed are dropped rather than served stale. */
export function clearReadModelGauges(): void {
  casesByStatus.reset();
  reviewBacklog.reset();
  reviewOverdue.reset();
}
