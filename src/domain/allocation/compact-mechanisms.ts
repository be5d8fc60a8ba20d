import { keyOwner, type CompactRound } from './compact-round';
import type { Mechanism } from './model';

/**
 * What a mechanism decided, in typed arrays: admitted[a] is the proposal that admitted eligible
 * applicant a (−1: none); school s's admitted proposals are held[heldStart[s] … heldStart[s+1]),
 * in the order the straightforward path lists them (best first; for 志愿优先, round by round).
 */
export interface CompactAdmission {
  readonly admitted: Int32Array;
  readonly heldStart: Int32Array;
  readonly held: Int32Array;
}

/** Seats as the straightforward path counts them: `length > capacity` keeps ⌊capacity⌋, at least 0. */
function seatsOf(r: CompactRound): Int32Array {
  return Int32Array.from(r.input.schools, (s) => Math.max(0, Math.floor(s.capacity)));
}

/** The mechanism's admissions over the compact round (the same as `admitByChoice`). */
export function admitCompact(r: CompactRound, mechanism: Mechanism): CompactAdmission {
  return mechanism === 'DEFERRED_ACCEPTANCE' ? deferredAcceptance(r) : firstChoiceFirst(r);
}

/**
 * Student-proposing deferred acceptance with each school's held applicants in a max-heap on the
 * key (its worst on top). With strict priorities the stable matching it reaches does not depend on
 * the order of proposals, so each applicant in turn proposes down their list, and whoever they
 * displace goes on proposing at once, until the chain ends with someone held or out of choices.
 */
function deferredAcceptance(r: CompactRound): CompactAdmission {
  const E = r.eligible.length;
  const S = r.input.schools.length;
  const seats = seatsOf(r);
  // A school never holds more than it has seats, nor more than the proposals it can receive. The
  // heaps hold keys, not proposal indices: comparisons stay within the school's own few kilobytes.
  const heapStart = new Int32Array(S + 1);
  const demand = new Int32Array(S);
  for (const s of r.proposalSchool) demand[s] = demand[s]! + 1;
  for (let s = 0; s < S; s += 1) heapStart[s + 1] = heapStart[s]! + Math.min(seats[s]!, demand[s]!);
  const heap = new Float64Array(heapStart[S]!);
  const size = new Int32Array(S);
  // Each applicant's next proposal; the same array then becomes `admitted` (heldFromHeaps).
  const next = r.choiceStart.slice(0, E);
  for (let first = 0; first < E; first += 1) {
    let a = first;
    while (a >= 0 && next[a]! < r.choiceStart[a + 1]!) {
      const p = next[a]!;
      next[a] = p + 1;
      const s = r.proposalSchool[p]!;
      const base = heapStart[s]!;
      const key = r.proposalKey[p]!;
      if (size[s]! < seats[s]!) {
        siftUp(heap, base, size[s]!, key);
        size[s] = size[s]! + 1;
        a = -1;
      } else if (seats[s] !== 0 && key < heap[base]!) {
        a = keyOwner(r, heap[base]!);
        siftDown(heap, base, size[s]!, key);
      }
    }
  }
  return heldFromHeaps(r, heap, heapStart, size, next);
}

/**
 * Each school's held keys, best first, as proposals: an applicant a school holds proposed to it
 * last, so its proposal is next[a] − 1 (no search through its choices). `next` is turned into
 * `admitted` in place (one array fewer of a million): the held are marked first (as −2 − their
 * proposal), then every other applicant is −1.
 */
function heldFromHeaps(
  r: CompactRound,
  heap: Float64Array,
  heapStart: Int32Array,
  size: Int32Array,
  next: Int32Array,
): CompactAdmission {
  const S = size.length;
  const heldStart = new Int32Array(S + 1);
  for (let s = 0; s < S; s += 1) heldStart[s + 1] = heldStart[s]! + size[s]!;
  const held = new Int32Array(heldStart[S]!);
  for (let s = 0; s < S; s += 1) {
    const keys = heap.subarray(heapStart[s], heapStart[s]! + size[s]!).sort();
    for (let i = 0; i < keys.length; i += 1) {
      const a = keyOwner(r, keys[i]!);
      held[heldStart[s]! + i] = next[a]! - 1;
      next[a] = -2 - held[heldStart[s]! + i]!;
    }
  }
  const admitted = next;
  for (let a = 0; a < admitted.length; a += 1)
    admitted[a] = admitted[a]! < 0 ? -2 - admitted[a]! : -1;
  return { admitted, heldStart, held };
}

/** Adds a key to a max-heap of n keys at heap[base …]. */
function siftUp(heap: Float64Array, base: number, n: number, key: number): void {
  let i = n;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[base + parent]! >= key) break;
    heap[base + i] = heap[base + parent]!;
    i = parent;
  }
  heap[base + i] = key;
}

/** Replaces the max-heap's root (its worst key) by `key` and sinks it to its place. */
function siftDown(heap: Float64Array, base: number, n: number, key: number): void {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && heap[base + child + 1]! > heap[base + child]!) child += 1;
    if (heap[base + child]! <= key) break;
    heap[base + i] = heap[base + child]!;
    i = child;
  }
  heap[base + i] = key;
}

/**
 * 志愿优先: in round k each school takes, for good and best first, those still unplaced who put it
 * k-th, while it has seats. Each round's proposals are bucketed by school in one array (counts,
 * then places), and each school with seats left sorts its own bucket.
 */
function firstChoiceFirst(r: CompactRound): CompactAdmission {
  const E = r.eligible.length;
  const S = r.input.schools.length;
  const seats = seatsOf(r);
  const taken = new Int32Array(S);
  const admitted = new Int32Array(E).fill(-1);
  const order = new Int32Array(E);
  let ordered = 0;
  const bucketStart = new Int32Array(S + 1);
  const keys = new Float64Array(E);
  const proposalAt = (a: number, rank: number): number => {
    const p = r.choiceStart[a]! + rank;
    return admitted[a]! >= 0 || p >= r.choiceStart[a + 1]! ? -1 : p;
  };
  for (let rank = 0; ; rank += 1) {
    bucketStart.fill(0);
    let proposals = 0;
    for (let a = 0; a < E; a += 1) {
      const p = proposalAt(a, rank);
      if (p < 0) continue;
      const s = r.proposalSchool[p]!;
      bucketStart[s + 1] = bucketStart[s + 1]! + 1;
      proposals += 1;
    }
    if (proposals === 0) break;
    for (let s = 0; s < S; s += 1) bucketStart[s + 1] = bucketStart[s + 1]! + bucketStart[s]!;
    const fill = bucketStart.slice(0, S);
    for (let a = 0; a < E; a += 1) {
      const p = proposalAt(a, rank);
      if (p >= 0) keys[fill[r.proposalSchool[p]!]!++] = r.proposalKey[p]!;
    }
    for (let s = 0; s < S; s += 1) {
      if (taken[s]! >= seats[s]!) continue;
      const best = keys.subarray(bucketStart[s], bucketStart[s + 1]).sort();
      for (let i = 0; i < best.length && taken[s]! < seats[s]!; i += 1) {
        const a = keyOwner(r, best[i]!);
        admitted[a] = r.choiceStart[a]! + rank;
        taken[s] = taken[s]! + 1;
        order[ordered++] = admitted[a]!;
      }
    }
  }
  // Admission order within a school is round by round, best first: a stable bucket by school keeps it.
  return { admitted, ...heldBySchool(r, order.subarray(0, ordered)) };
}

/** Buckets admitted proposals by school, stably. */
function heldBySchool(r: CompactRound, proposals: Int32Array): Omit<CompactAdmission, 'admitted'> {
  const S = r.input.schools.length;
  const heldStart = new Int32Array(S + 1);
  for (const p of proposals) {
    const s = r.proposalSchool[p]!;
    heldStart[s + 1] = heldStart[s + 1]! + 1;
  }
  for (let s = 0; s < S; s += 1) heldStart[s + 1] = heldStart[s + 1]! + heldStart[s]!;
  const fill = heldStart.slice(0, S);
  const held = new Int32Array(proposals.length);
  for (const p of proposals) held[fill[r.proposalSchool[p]!]!++] = p;
  return { heldStart, held };
}
