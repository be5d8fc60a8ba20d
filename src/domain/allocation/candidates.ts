import { lotteryNumber } from './lottery';
import type {
  AllocationInput,
  AllocationSchool,
  Applicant,
  ApplicantChoice,
  PriorityKey,
} from './model';
import { comparePriority } from './priority';

/** An applicant a school holds (or admits), with the key it ranks them by and the choice's rank. */
export interface Held {
  readonly applicantId: string;
  readonly key: PriorityKey;
  readonly rank: number;
}

/** Each school's held applicants, best first. */
export type HeldLists = Map<string, Held[]>;

/** The round as the schools see it: the eligible applicants, their valid choices and lottery numbers. */
export class Candidates {
  readonly schools: ReadonlyMap<string, AllocationSchool>;
  readonly eligible: readonly Applicant[];
  private readonly lottery: ReadonlyMap<string, string>;
  private readonly choices: ReadonlyMap<string, readonly ApplicantChoice[]>;

  constructor(input: AllocationInput) {
    const schools = new Map(input.schools.map((s) => [s.id, s]));
    this.schools = schools;
    this.eligible = input.applicants.filter((a) => a.eligible);
    this.lottery = new Map(this.eligible.map((a) => [a.id, lotteryNumber(input.seed, a.id)]));
    // Choices of schools that are not in the round are ignored; each school counts once.
    this.choices = new Map(
      this.eligible.map((a) => {
        const seen = new Set<string>();
        return [
          a.id,
          a.choices.filter(
            (c) => schools.has(c.schoolId) && !seen.has(c.schoolId) && seen.add(c.schoolId),
          ),
        ];
      }),
    );
  }

  choicesOf(applicantId: string): readonly ApplicantChoice[] {
    return this.choices.get(applicantId)!;
  }

  keyAt(applicantId: string, choice: ApplicantChoice): PriorityKey {
    return {
      tier: choice.tier,
      qualifyingDate: choice.qualifyingDate,
      contributionMonths: choice.contributionMonths,
      lottery: this.lottery.get(applicantId)!,
    };
  }

  /** The applicant's best key over their choices; with no choice, after every tier. */
  bestKey(a: Applicant): PriorityKey {
    const keys = this.choicesOf(a.id).map((c) => this.keyAt(a.id, c));
    return (
      keys.sort(comparePriority)[0] ?? {
        tier: Number.MAX_SAFE_INTEGER,
        qualifyingDate: null,
        contributionMonths: null,
        lottery: this.lottery.get(a.id)!,
      }
    );
  }
}
