import { lotteryNumber } from './lottery';
import type { AllocationInput } from './model';

/**
 * The round in typed arrays, for allocating a million applicants in seconds: a proposal (an
 * eligible applicant's valid choice) is an index into flat arrays, and its whole priority key
 * (tier, qualifying date, contribution months, lottery) is one integer — smaller ranks first —
 * so the mechanisms compare numbers, not objects, and allocate no garbage per proposal.
 *
 * key = group × E + lottery rank, where group ranks the (tier, date, months) triple as
 * `comparePriority` does and the lottery rank orders the E eligible applicants by lottery number.
 * Keys are distinct, and a key names its applicant: rankToApplicant[key mod E].
 */
export interface CompactRound {
  readonly input: AllocationInput;
  /** Eligible applicants (E of them), as indices into input.applicants, in input order. */
  readonly eligible: Int32Array;
  readonly lottery: readonly string[];
  readonly rankToApplicant: Int32Array;
  /** Applicant a's proposals are choiceStart[a] ≤ p < choiceStart[a + 1], in preference order. */
  readonly choiceStart: Int32Array;
  readonly proposalSchool: Uint16Array;
  readonly proposalKey: Float64Array;
  /** Which of the applicant's input choices the proposal is (for the published explanation). */
  readonly proposalChoice: Uint8Array;
  /** The proposal's tier, as an index into `tiers` (for the per-tier counts, read in school order). */
  readonly proposalTier: Uint8Array;
  readonly tiers: readonly number[];
  /** The key an applicant with no valid choice ranks by (tier after every tier, for the bureau). */
  readonly noChoiceGroup: number;
}

/** The eligible applicant a key names. */
export function keyOwner(r: CompactRound, key: number): number {
  return r.rankToApplicant[lotteryRankOf(key, r.eligible.length)]!;
}

/**
 * The lottery rank in key = group × E + rank, by integer division rather than `%`: past 2³¹ the
 * remainder is a floating-point fmod, several times slower. Exact for keys below 2⁵³ (which
 * `compactRound` ensures): key / E is off by less than 1 / E, so its floor is the group.
 */
export function lotteryRankOf(key: number, E: number): number {
  return key - Math.floor(key / E) * E;
}

/**
 * A proposal's date and month numbers wait packed as date × DATE_PACKING + month; each is below
 * the number of proposals, which stays below this, so the packing is exact in a double.
 */
const DATE_PACKING = 2 ** 26;

/** Tier of an applicant without choices, as `Candidates.bestKey` ranks them. */
const NO_CHOICE_TIER = Number.MAX_SAFE_INTEGER;

/**
 * A proposal's school, input choice and tier are kept in 16 and 8 bits (a county's schools, a
 * family's choices and a policy's tiers are far fewer): smaller arrays, fewer full collections
 * (see `validProposals`).
 */
const MAX_SCHOOLS = 2 ** 16;
const MAX_CHOICES = 2 ** 8;
const MAX_TIERS = 2 ** 8;

/**
 * Null when the round cannot be represented exactly (duplicate ids, non-finite numbers, more
 * distinct keys than a double holds, or more schools, choices or tiers than the arrays hold); the
 * caller then takes the straightforward path.
 */
export function compactRound(input: AllocationInput): CompactRound | null {
  const schoolIndex = new Map(input.schools.map((s, i) => [s.id, i]));
  if (schoolIndex.size !== input.schools.length || schoolIndex.size > MAX_SCHOOLS) return null;
  if (input.schools.some((s) => !Number.isFinite(s.capacity))) return null;
  const eligible = eligibleIndices(input);
  let total = 0;
  for (const i of eligible) total += input.applicants[i]!.choices.length;
  if (total >= DATE_PACKING) return null;
  // The proposals' keys, and first the lottery's sort (fewer arrays, fewer full collections).
  const keys = new Float64Array(Math.max(total, eligible.length));
  const lottery = new Array<string>(eligible.length);
  for (let a = 0; a < eligible.length; a += 1)
    lottery[a] = lotteryNumber(input.seed, input.applicants[eligible[a]!]!.id);
  const rankToApplicant = lotteryOrder(lottery, keys);
  if (!rankToApplicant) return null;
  const proposals = validProposals(input, eligible, schoolIndex, keys.subarray(0, total));
  if (!proposals) return null;
  const E = eligible.length;
  // The groups become the keys in place: one array fewer of three million doubles.
  const proposalKey = proposals.group;
  for (let rank = 0; rank < E; rank += 1) {
    const a = rankToApplicant[rank]!;
    for (let p = proposals.start[a]!; p < proposals.start[a + 1]!; p += 1)
      proposalKey[p] = proposalKey[p]! * E + rank;
  }
  return {
    input,
    eligible,
    lottery,
    rankToApplicant,
    choiceStart: proposals.start,
    proposalSchool: proposals.school,
    proposalKey,
    proposalChoice: proposals.choice,
    proposalTier: proposals.tier,
    tiers: proposals.tiers,
    noChoiceGroup: proposals.noChoiceGroup,
  };
}

function eligibleIndices(input: AllocationInput): Int32Array {
  let count = 0;
  for (const a of input.applicants) if (a.eligible) count += 1;
  const eligible = new Int32Array(count);
  let next = 0;
  input.applicants.forEach((a, i) => {
    if (a.eligible) eligible[next++] = i;
  });
  return eligible;
}

/**
 * Eligible applicants ordered by lottery number. The first hex digits, packed with the index into
 * one double (in `scratch`), sort natively; the rare runs sharing those digits are settled on the
 * full number. Null if two numbers are equal (the same applicant id twice).
 */
function lotteryOrder(lottery: readonly string[], scratch: Float64Array): Int32Array | null {
  const E = lottery.length;
  const indexScale = 2 ** Math.max(1, Math.ceil(Math.log2(E + 1)));
  const prefixScale = 2 ** Math.min(32, 53 - Math.log2(indexScale));
  const packed = scratch.subarray(0, E);
  for (let a = 0; a < E; a += 1) {
    const prefix = Math.floor((parseInt(lottery[a]!.slice(0, 8), 16) / 2 ** 32) * prefixScale);
    packed[a] = prefix * indexScale + a;
  }
  packed.sort();
  const order = new Int32Array(E);
  for (let i = 0; i < E; i += 1) order[i] = packed[i]! % indexScale;
  for (let start = 0; start < E;) {
    const prefix = Math.floor(packed[start]! / indexScale);
    let end = start + 1;
    while (end < E && Math.floor(packed[end]! / indexScale) === prefix) end += 1;
    if (end - start > 1 && !settleRun(order.subarray(start, end), lottery)) return null;
    start = end;
  }
  return order;
}

/** Orders a run of applicants sharing a lottery prefix by the full number; false if two are equal. */
function settleRun(run: Int32Array, lottery: readonly string[]): boolean {
  run.sort((x, y) => (lottery[x]! < lottery[y]! ? -1 : 1));
  for (let i = 1; i < run.length; i += 1)
    if (lottery[run[i]!] === lottery[run[i - 1]!]) return false;
  return true;
}

interface Proposals {
  readonly start: Int32Array;
  readonly school: Uint16Array;
  readonly choice: Uint8Array;
  readonly tier: Uint8Array;
  readonly tiers: readonly number[];
  /** Per proposal, the rank of its (tier, date, months) triple among the round's. */
  readonly group: Float64Array;
  readonly noChoiceGroup: number;
}

/**
 * Each eligible applicant's choices of schools in the round, each school once (as `Candidates`),
 * in one pass that also numbers the distinct tiers, dates and months as first seen; the numbers
 * are then ranked as `comparePriority` orders them: tiers ascending, dates earliest first, months
 * most first, nulls last. Null if a number is not finite or the keys would not fit in a double.
 *
 * Few and final-length typed arrays, for the garbage collector's sake: V8 counts their memory as
 * external, and every 64 MB of it starts a full collection, which marks the whole input (half a
 * second for a million applicants). So the date and month numbers wait in `group` (the keys'
 * array, given by the caller), packed, until their ranks are known, and the arrays are views of
 * the proposals found, not copies.
 */
function validProposals(
  input: AllocationInput,
  eligible: Int32Array,
  schoolIndex: ReadonlyMap<string, number>,
  group: Float64Array,
): Proposals | null {
  const total = group.length;
  const start = new Int32Array(eligible.length + 1);
  const school = new Uint16Array(total);
  const choice = new Uint8Array(total);
  const tier = new Uint8Array(total);
  const tiers = new Interner<number>(NO_CHOICE_TIER);
  const dates = new Interner<string | null>(null);
  const months = new Interner<number | null>(null);
  let p = 0;
  for (let a = 0; a < eligible.length; a += 1) {
    start[a] = p;
    const choices = input.applicants[eligible[a]!]!.choices;
    if (choices.length > MAX_CHOICES) return null;
    for (let k = 0; k < choices.length; k += 1) {
      const c = choices[k]!;
      const s = schoolIndex.get(c.schoolId);
      if (s === undefined || seenSince(school, start[a]!, p, s)) continue;
      school[p] = s;
      choice[p] = k;
      tier[p] = tiers.id(c.tier);
      group[p] = dates.id(c.qualifyingDate) * DATE_PACKING + months.id(c.contributionMonths);
      p += 1;
    }
  }
  start[eligible.length] = p;
  const finite = (n: number | null): boolean => n === null || Number.isFinite(n);
  if (!tiers.values.every(finite) || !months.values.every(finite)) return null;
  if (tiers.values.length > MAX_TIERS) return null;
  const [T, D, M] = [tiers.values.length, dates.values.length, months.values.length];
  if (T * D * M * (eligible.length + 1) > Number.MAX_SAFE_INTEGER) return null;
  const tierRank = tiers.ranks((x, y) => x - y);
  const dateRank = dates.ranks(nullsLast((x: string, y: string) => (x < y ? -1 : 1)));
  const monthRank = months.ranks(nullsLast((x: number, y: number) => y - x));
  const groupOf = (t: number, d: number, m: number): number =>
    (tierRank[t]! * D + dateRank[d]!) * M + monthRank[m]!;
  for (let q = 0; q < p; q += 1) {
    const date = Math.floor(group[q]! / DATE_PACKING);
    group[q] = groupOf(tier[q]!, date, group[q]! - date * DATE_PACKING);
  }
  return {
    start,
    school: school.subarray(0, p),
    choice: choice.subarray(0, p),
    tier: tier.subarray(0, p),
    tiers: tiers.values,
    group: group.subarray(0, p),
    noChoiceGroup: groupOf(0, 0, 0),
  };
}

function seenSince(school: Uint16Array, from: number, to: number, s: number): boolean {
  for (let q = from; q < to; q += 1) if (school[q] === s) return true;
  return false;
}

/** Numbers distinct values as first seen, then ranks the numbers by an order of the values. */
class Interner<T> {
  readonly values: T[] = [];
  private readonly ids = new Map<T, number>();

  constructor(first: T) {
    this.id(first);
  }

  id(value: T): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.push(value) - 1;
      this.ids.set(value, id);
    }
    return id;
  }

  /** rank[id] = the value's place in `compare` order. */
  ranks(compare: (x: T, y: T) => number): Int32Array {
    const rank = new Int32Array(this.values.length);
    this.values
      .map((value, id) => ({ value, id }))
      .sort((x, y) => compare(x.value, y.value))
      .forEach(({ id }, place) => (rank[id] = place));
    return rank;
  }
}

function nullsLast<T>(compare: (x: T, y: T) => number): (x: T | null, y: T | null) => number {
  return (x, y) => (x === null ? (y === null ? 0 : 1) : y === null ? -1 : compare(x, y));
}
