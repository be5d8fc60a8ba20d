import { allocateRound } from '../allocation/allocate';
import type { AllocationSchool, Applicant, Mechanism } from '../allocation/model';

/**
 * The shortfall scenario (缺口情景): the county's own allocation run on applicants as they are
 * forecast (or as they have applied), to show how many families of each tier would get their
 * catchment school, how many the bureau would place (统筹) and where, and how many could not be
 * placed at all; and the same with extra places, side by side.
 */

/** Demand at one school split by priority tier (expected applicants of each tier). */
export interface SchoolDemand {
  readonly schoolId: string;
  readonly location: { readonly x: number; readonly y: number };
  readonly byTier: Readonly<Record<string, number>>;
}

/** Shares of tiers among catchment applicants when no season has shown them (hukou vs permit). */
export const DEFAULT_TIER_MIX = {
  hukou: { 1: 0.35, 2: 0.15, 3: 0.1, 4: 0.1, 5: 0.12, 6: 0.08, 7: 0.1 },
  permit: { 8: 0.75, 9: 0.25 },
} as const;

/** Whole applicants from expected counts: each tier's count rounded half up. */
export function forecastApplicants(demands: readonly SchoolDemand[]): Applicant[] {
  const applicants: Applicant[] = [];
  for (const d of demands) {
    const tiers = Object.keys(d.byTier)
      .map(Number)
      .sort((a, b) => a - b);
    for (const tier of tiers) {
      const n = Math.max(0, Math.round(d.byTier[tier] ?? 0));
      for (let i = 0; i < n; i += 1)
        applicants.push({
          id: `F-${d.schoolId}-${tier}-${i}`,
          eligible: true,
          choices: [{ schoolId: d.schoolId, tier, qualifyingDate: null, contributionMonths: null }],
          location: d.location,
        });
    }
  }
  return applicants;
}

export interface TierOutcome {
  readonly tier: number;
  readonly applicants: number;
  readonly admitted: number;
  readonly byBureau: number;
  readonly notPlaced: number;
  /** Where the bureau would place them: school id → families. */
  readonly bureauSchools: Readonly<Record<string, number>>;
}

export interface ScenarioOutcome {
  readonly name: string;
  readonly tiers: readonly TierOutcome[];
  readonly schools: readonly {
    readonly schoolId: string;
    readonly capacity: number;
    readonly admitted: number;
    readonly bureau: number;
  }[];
}

export interface ScenarioInput {
  readonly schools: readonly AllocationSchool[];
  readonly applicants: readonly Applicant[];
  readonly mechanism: Mechanism;
  readonly seed: string;
}

/** An applicant's tier for the summary: the best (lowest) tier among their choices. */
function tierOf(a: Applicant): number {
  return a.choices.reduce((best, c) => Math.min(best, c.tier), Number.POSITIVE_INFINITY);
}

export function runScenario(name: string, input: ScenarioInput): ScenarioOutcome {
  const result = allocateRound(input);
  const byId = new Map(input.applicants.map((a) => [a.id, a]));
  const tiers = new Map<
    number,
    {
      applicants: number;
      admitted: number;
      byBureau: number;
      notPlaced: number;
      bureauSchools: Record<string, number>;
    }
  >();
  for (const r of result.results) {
    const applicant = byId.get(r.applicantId)!;
    if (!applicant.eligible) continue;
    const tier = tierOf(applicant);
    const t = tiers.get(tier) ?? {
      applicants: 0,
      admitted: 0,
      byBureau: 0,
      notPlaced: 0,
      bureauSchools: {},
    };
    tiers.set(tier, t);
    t.applicants += 1;
    if (r.placement.result === 'ADMITTED') t.admitted += 1;
    else if (r.placement.result === 'ASSIGNED_BY_BUREAU') {
      t.byBureau += 1;
      t.bureauSchools[r.placement.schoolId] = (t.bureauSchools[r.placement.schoolId] ?? 0) + 1;
    } else t.notPlaced += 1;
  }
  return {
    name,
    tiers: [...tiers].sort(([a], [b]) => a - b).map(([tier, t]) => ({ tier, ...t })),
    schools: result.schools.map((s) => ({
      schoolId: s.schoolId,
      capacity: s.capacity,
      admitted: s.admitted,
      bureau: s.bureau,
    })),
  };
}

/** A variant of the county's places: extra (or fewer) places at some schools. */
export interface PlacesVariant {
  readonly name: string;
  readonly extraPlaces: Readonly<Record<string, number>>;
}

/** The base scenario and each variant over the same applicants and seed, in order. */
export function compareScenarios(
  base: ScenarioInput,
  variants: readonly PlacesVariant[],
): ScenarioOutcome[] {
  return [
    runScenario('base', base),
    ...variants.map((v) =>
      runScenario(v.name, {
        ...base,
        schools: base.schools.map((s) => ({
          ...s,
          capacity: Math.max(0, s.capacity + (v.extraPlaces[s.id] ?? 0)),
        })),
      }),
    ),
  ];
}
