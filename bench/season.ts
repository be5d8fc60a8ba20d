import { allocate } from '../src/domain/allocation/allocate';
import { laterRoundCapacity, placedPerSchool } from '../src/domain/allocation/later-rounds';
import type { AllocationSchool, Applicant, ApplicantResult } from '../src/domain/allocation/model';
import { waitlistOrder } from '../src/domain/allocation/waitlist';
import { mulberry32 } from '../src/simulator/prng';

/**
 * A season in one county, timed stage by stage: the main round; 10 % of the placed decline and
 * their places go down each school's waitlist (a family who takes a place elsewhere frees its
 * own, which goes down that school's list); the 补录 round over the unplaced, 5 % more cases
 * approved late, and the places no waitlist filled. At the end no place is held twice.
 */
export function seasonFigures(
  synthetic: (applicants: number) => { schools: AllocationSchool[]; applicants: Applicant[] },
  count: number,
): void {
  const rand = mulberry32(20260915);
  const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
  const all = synthetic(Math.round(count * 1.05));
  const main = all.applicants.slice(0, count);
  const late = all.applicants.slice(count).map((a) => ({ ...a, id: `L${a.id}` }));
  const { schools } = all;
  let t = Date.now();
  const first = allocate({
    schools,
    applicants: main,
    mechanism: 'DEFERRED_ACCEPTANCE',
    seed: 's1',
  });
  process.stdout.write(`season of ${count} applicants: main round ${seconds(t)} s\n`);

  t = Date.now();
  const chain = reofferChain(first.results, rand);
  process.stdout.write(
    `  ${chain.declined.size} declines re-offered down the waitlists: ${chain.taken} taken, ${chain.moved} moved, ${chain.offers} offers, ${[...chain.unfilled.values()].reduce((a, b) => a + b, 0)} places left unfilled, ${seconds(t)} s\n`,
  );

  t = Date.now();
  const capacities = laterRoundCapacity(
    schools.map((s) => ({ id: s.id, places: s.capacity })),
    placedPerSchool(first.results),
    chain.unfilled,
  );
  const unplaced = main.filter((a) => !chain.holder.has(a.id) && !chain.declined.has(a.id));
  const second = allocate({
    schools: schools.map((s, i) => ({ ...s, capacity: capacities[i]!.capacity })),
    applicants: [...unplaced, ...late],
    mechanism: 'DEFERRED_ACCEPTANCE',
    seed: 's2',
  });
  const placed2 = second.results.filter((r) => r.placement.result !== 'NOT_PLACED').length;
  process.stdout.write(
    `  补录 round over ${unplaced.length} unplaced + ${late.length} late-approved, ${capacities.reduce((n, c) => n + c.capacity, 0)} free places: placed ${placed2}, ${seconds(t)} s\n`,
  );
  process.stdout.write(`  ${heldTwice(schools, chain.holder, second.results)}\n`);
}

/** Places held per school after both rounds against the places; a child held at two schools. */
function heldTwice(
  schools: readonly AllocationSchool[],
  holder: ReadonlyMap<string, string>,
  second: readonly ApplicantResult[],
): string {
  const held = new Map<string, number>();
  const seen = new Set<string>(holder.keys());
  let twice = 0;
  for (const s of holder.values()) held.set(s, (held.get(s) ?? 0) + 1);
  for (const r of second) {
    if (r.placement.result === 'NOT_PLACED') continue;
    if (seen.has(r.applicantId)) twice += 1;
    seen.add(r.applicantId);
    held.set(r.placement.schoolId, (held.get(r.placement.schoolId) ?? 0) + 1);
  }
  const over = schools.filter((s) => (held.get(s.id) ?? 0) > s.capacity).length;
  if (over || twice)
    throw new Error(`${over} schools over their places, ${twice} children placed twice`);
  return `no place held twice: every school within its places, no child placed twice (${seen.size} placed in all)`;
}

/** The declines and the waitlists' re-offers: who holds which place after them, what is left. */
function reofferChain(results: readonly ApplicantResult[], rand: () => number) {
  const holder = new Map<string, string>();
  const declined = new Set<string>();
  const free = new Map<string, number>();
  for (const r of results) {
    if (r.placement.result === 'NOT_PLACED') continue;
    if (rand() < 0.1) {
      declined.add(r.applicantId);
      free.set(r.placement.schoolId, (free.get(r.placement.schoolId) ?? 0) + 1);
    } else holder.set(r.applicantId, r.placement.schoolId);
  }
  const rankOf = new Map(results.map((r) => [r.applicantId, r.choices.map((c) => c.schoolId)]));
  const lists = new Map<string, { list: ReturnType<typeof waitlistOrder>; next: number }>();
  const counts = { taken: 0, moved: 0, offers: 0 };
  // Schools with places to offer, until every list is run down or every place is taken.
  const queue = [...free.keys()];
  while (queue.length) {
    const schoolId = queue.shift()!;
    let w = lists.get(schoolId);
    if (!w) lists.set(schoolId, (w = { list: waitlistOrder(results, schoolId), next: 0 }));
    while ((free.get(schoolId) ?? 0) > 0 && w.next < w.list.length) {
      const id = w.list[w.next++]!.applicantId;
      const choices = rankOf.get(id)!;
      const now = holder.get(id);
      // Only a family that would rather have this school than what it holds now is asked.
      if (
        declined.has(id) ||
        (now && choices.indexOf(now) <= choices.indexOf(schoolId) && choices.includes(now))
      )
        continue;
      counts.offers += 1;
      if (rand() < 0.3) continue;
      counts.taken += 1;
      free.set(schoolId, free.get(schoolId)! - 1);
      holder.set(id, schoolId);
      if (now) {
        counts.moved += 1;
        free.set(now, (free.get(now) ?? 0) + 1);
        queue.push(now);
      }
    }
  }
  const unfilled = new Map([...free].filter(([, n]) => n > 0));
  return { holder, declined, unfilled, ...counts };
}
