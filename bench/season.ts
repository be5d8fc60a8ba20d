import { allocate } from '../src/domain/allocation/allocate';
import { laterRoundCapacity, placedPerSchool } from '../src/domain/allocation/later-rounds';
import type { AllocationSchool, Applicant, ApplicantResult } from '../src/domain/allocation/model';
import {
  answered,
  EMPTY_CHAIN,
  exhausted,
  offered,
  placeToOffer,
  released,
  waitlistOrder,
  type ChainState,
  type WaitlistEntry,
} from '../src/domain/allocation/waitlist';
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

/** A school's waitlist and its re-offer chain, as the waitlist workflow holds them. */
interface SchoolChain {
  readonly list: readonly WaitlistEntry[];
  state: ChainState;
}

/**
 * The declines and the waitlists' re-offers, driven through the domain's chain functions as the
 * waitlist workflow drives them (released → placeToOffer → offered → answered, exhausted at the
 * end of the list): who holds which place after them, what is left for the 补录 round.
 */
function reofferChain(results: readonly ApplicantResult[], rand: () => number) {
  const holder = new Map<string, string>();
  const declined = new Set<string>();
  const chains = new Map<string, SchoolChain>();
  const chainOf = (schoolId: string) => {
    let c = chains.get(schoolId);
    if (!c)
      chains.set(schoolId, (c = { list: waitlistOrder(results, schoolId), state: EMPTY_CHAIN }));
    return c;
  };
  const release = (schoolId: string, releaseId: string) => {
    const c = chainOf(schoolId);
    c.state = released(c.state, releaseId);
    return schoolId;
  };
  const queue: string[] = [];
  for (const r of results) {
    if (r.placement.result === 'NOT_PLACED') continue;
    if (rand() < 0.1) {
      declined.add(r.applicantId);
      queue.push(release(r.placement.schoolId, `declined:${r.applicantId}`));
    } else holder.set(r.applicantId, r.placement.schoolId);
  }
  const rankOf = new Map(results.map((r) => [r.applicantId, r.choices.map((c) => c.schoolId)]));
  /** Still live for this school: not declined out, and would rather have it than what it holds. */
  const wants = (id: string, schoolId: string) => {
    const now = holder.get(id);
    const choices = rankOf.get(id)!;
    return (
      !declined.has(id) &&
      !(now && choices.includes(now) && choices.indexOf(now) <= choices.indexOf(schoolId))
    );
  };
  const counts = { taken: 0, moved: 0, offers: 0 };
  while (queue.length) {
    const schoolId = queue.shift()!;
    const c = chainOf(schoolId);
    while (placeToOffer(c.state) !== null) {
      let position = c.state.next;
      while (position < c.list.length && !wants(c.list[position]!.applicantId, schoolId))
        position += 1;
      if (position >= c.list.length) {
        c.state = exhausted(c.state);
        break;
      }
      c.state = offered(c.state, position);
      const offer = c.state.offer!;
      counts.offers += 1;
      const id = c.list[position]!.applicantId;
      const taken = rand() >= 0.3;
      c.state = answered(c.state, offer, taken ? 'ACCEPTED' : 'DECLINED');
      if (!taken) continue;
      counts.taken += 1;
      const now = holder.get(id);
      holder.set(id, schoolId);
      // A family that takes a place elsewhere frees its own, which goes down that school's list.
      if (now) {
        counts.moved += 1;
        queue.push(release(now, `moved:${id}`));
      }
    }
  }
  const unfilled = new Map<string, number>();
  for (const [schoolId, c] of chains)
    if (c.state.unfilled.length) unfilled.set(schoolId, c.state.unfilled.length);
  return { holder, declined, unfilled, ...counts };
}
