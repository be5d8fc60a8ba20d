import type { CaseEvent } from '../domain/case-history/events';

type Spec = CaseEvent extends infer E
  ? E extends CaseEvent
    ? Omit<E, 'id' | 'at'>
    : never
  : never;

/** Builds a history with consecutive event ids and times, as Temporal would number them. */
export function historyOf(...specs: Spec[]): CaseEvent[] {
  return specs.map((spec, i) => ({
    ...spec,
    id: i + 1,
    at: new Date(Date.UTC(2026, 5, 1, 8, 0, i)).toISOString(),
  }));
}
