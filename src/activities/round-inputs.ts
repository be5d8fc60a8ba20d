import type { FrozenApplicant, RoundRepository } from '../db/round-repository';
import type { AllocationSchool, ApplicantChoice } from '../domain/allocation/model';
import { choicesAbove } from '../domain/appeals';

type SchoolRow = Awaited<ReturnType<RoundRepository['schools']>>[number];
type ApprovedCase = Awaited<ReturnType<RoundRepository['approvedCases']>>[number];

/** A school choice as the eligibility assessment stored it. */
interface StoredSchool {
  schoolId: string;
  tier: number;
  qualifyingDate: string | null;
  contributionMonths: number | null;
}

/** The schools a round allocates, with their places as they are at the freeze. */
export function allocationSchools(rows: readonly SchoolRow[]): AllocationSchool[] {
  return rows.map((s) => ({
    id: s.id,
    capacity: s.places,
    location: { x: s.locationX, y: s.locationY },
  }));
}

/** 公民同招: private schools admit by lottery alone, so every applicant has the same tier there. */
function choicesOf(stored: readonly StoredSchool[], privateSchools: ReadonlySet<string>) {
  return stored.map((s): ApplicantChoice =>
    privateSchools.has(s.schoolId)
      ? { schoolId: s.schoolId, tier: 1, qualifyingDate: null, contributionMonths: null }
      : {
          schoolId: s.schoolId,
          tier: s.tier,
          qualifyingDate: s.qualifyingDate,
          contributionMonths: s.contributionMonths,
        },
  );
}

/**
 * The approved cases as a round freezes them: what allocation ranks, and where results go. A case
 * keeping a place after an accepted appeal (`place.reconsider`) competes only for the schools it
 * ranked above that place, and is not placed by the bureau (domain/appeals.ts `choicesAbove`).
 */
export function roundApplicants(
  cases: readonly ApprovedCase[],
  schoolRows: readonly SchoolRow[],
  schools: readonly AllocationSchool[],
): FrozenApplicant[] {
  const locationOf = new Map(schools.map((s) => [s.id, s.location]));
  const privateSchools = new Set(schoolRows.filter((s) => s.type === 'PRIVATE').map((s) => s.id));
  return cases.map((c) => {
    const stored = (c.assessment?.schools ?? []) as unknown as StoredSchool[];
    const facts = (c.assessment?.facts ?? {}) as {
      property?: { certificateNo?: string; holder?: string };
    };
    const held = c.place?.reconsider ? c.place.schoolId : null;
    const all = choicesOf(stored, privateSchools);
    const choices = held === null ? all : choicesAbove(all, held);
    return {
      applicationNo: c.applicationNo,
      workflowId: c.workflowId,
      runId: c.runId,
      entry: {
        id: c.applicationNo,
        eligible: c.assessment?.eligible ?? false,
        choices,
        ...(held !== null && { holdsPlace: true }),
        // Families are placed by the bureau nearest their first choice, the closest proxy for home.
        location: locationOf.get(all[0]?.schoolId ?? '') ?? { x: 0, y: 0 },
        certificateNo:
          facts.property?.holder === 'GUARDIAN' ? (facts.property.certificateNo ?? null) : null,
      },
    };
  });
}
