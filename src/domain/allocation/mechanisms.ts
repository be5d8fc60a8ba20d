import type { Candidates, Held, HeldLists } from './candidates';
import type { Mechanism } from './model';
import { comparePriority, insertInOrder } from './priority';

/**
 * Student-proposing deferred acceptance: each free applicant proposes to their next choice, the
 * school keeps its best `capacity` and frees the worst; stable and strategy-proof for families.
 */
function deferredAcceptance(c: Candidates, held: HeldLists): void {
  const nextChoice = new Map(c.eligible.map((a) => [a.id, 0]));
  const free = c.eligible.map((a) => a.id).reverse();
  while (free.length) {
    const applicantId = free.pop()!;
    const choices = c.choicesOf(applicantId);
    const rank = nextChoice.get(applicantId)!;
    if (rank >= choices.length) continue;
    nextChoice.set(applicantId, rank + 1);
    const choice = choices[rank]!;
    const list = held.get(choice.schoolId)!;
    insertInOrder(list, { applicantId, key: c.keyAt(applicantId, choice), rank });
    const capacity = c.schools.get(choice.schoolId)!.capacity;
    if (list.length > capacity) free.push(list.pop()!.applicantId);
  }
}

/** 志愿优先: round by round, a school admits for good the best of those who put it at that rank. */
function firstChoiceFirst(c: Candidates, held: HeldLists): void {
  const placed = new Set<string>();
  // A loop, not Math.max(...): a million arguments would overflow the stack.
  let rounds = 0;
  for (const a of c.eligible) rounds = Math.max(rounds, c.choicesOf(a.id).length);
  for (let rank = 0; rank < rounds; rank += 1) {
    const proposals = new Map<string, Held[]>();
    for (const a of c.eligible) {
      const choice = c.choicesOf(a.id)[rank];
      if (placed.has(a.id) || !choice) continue;
      const list = proposals.get(choice.schoolId) ?? [];
      list.push({ applicantId: a.id, key: c.keyAt(a.id, choice), rank });
      proposals.set(choice.schoolId, list);
    }
    for (const [schoolId, list] of proposals) {
      const seats = c.schools.get(schoolId)!.capacity - held.get(schoolId)!.length;
      for (const accepted of list
        .sort((x, y) => comparePriority(x.key, y.key))
        .slice(0, Math.max(0, seats))) {
        held.get(schoolId)!.push(accepted);
        placed.add(accepted.applicantId);
      }
    }
  }
}

/** Each school's admitted applicants, best first, by the round's mechanism. */
export function admitByChoice(c: Candidates, mechanism: Mechanism): HeldLists {
  const held: HeldLists = new Map([...c.schools.keys()].map((id) => [id, []]));
  if (mechanism === 'DEFERRED_ACCEPTANCE') deferredAcceptance(c, held);
  else firstChoiceFirst(c, held);
  return held;
}
