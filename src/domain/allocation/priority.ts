import type { PriorityKey } from './model';

/** Negative when `a` ranks before `b` at a school. */
export function comparePriority(a: PriorityKey, b: PriorityKey): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.qualifyingDate !== b.qualifyingDate) {
    if (a.qualifyingDate === null) return 1;
    if (b.qualifyingDate === null) return -1;
    return a.qualifyingDate < b.qualifyingDate ? -1 : 1;
  }
  if (a.contributionMonths !== b.contributionMonths) {
    if (a.contributionMonths === null) return 1;
    if (b.contributionMonths === null) return -1;
    return b.contributionMonths - a.contributionMonths;
  }
  return a.lottery < b.lottery ? -1 : a.lottery > b.lottery ? 1 : 0;
}

/** Keeps a school's held list sorted without re-sorting it on every proposal. */
export function insertInOrder<T extends { key: PriorityKey }>(list: T[], item: T): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (comparePriority(list[mid]!.key, item.key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}
