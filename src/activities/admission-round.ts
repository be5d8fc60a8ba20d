import type { Client } from '@temporalio/client';
import type { EligibilityRepository } from '../db/eligibility-repository';
import type { RoundRepository } from '../db/round-repository';
import type { WaitlistRepository } from '../db/waitlist-repository';
import { allocateRound } from '../domain/allocation/allocate';
import {
  laterRoundCapacity,
  placedPerSchool,
  roundResultHash,
  type RoundBasis,
} from '../domain/allocation/later-rounds';
import type { AllocationSchool, Mechanism } from '../domain/allocation/model';
import { applicantListHash } from '../domain/allocation/lottery';
import { DEFAULT_POLICY } from '../domain/eligibility/policy';
import { deliverResultsActivity } from './deliver-results';
import { allocationSchools, roundApplicants } from './round-inputs';

type Round = Awaited<ReturnType<RoundRepository['get']>>;
type SchoolRow = Awaited<ReturnType<RoundRepository['schools']>>[number];

/**
 * A 补录 round's starting point: the earlier rounds' results (named by hash), and each school's
 * places less those they gave plus the released places it claims now. Null for a main round.
 */
async function laterRoundBasis(
  rounds: RoundRepository,
  r: Round,
  schoolRows: readonly SchoolRow[],
): Promise<RoundBasis | null> {
  const earlier = (await rounds.season(r.countyCode, r.stage, r.seasonYear)).filter(
    (x) => x.sequence < r.sequence,
  );
  if (!earlier.length) return null;
  const ids = earlier.map((x) => x.id);
  const results = await rounds.placements(ids);
  const released = await rounds.claimReleases(r.id, ids);
  return {
    earlierRounds: ids.map((roundId) => ({
      roundId,
      resultHash: roundResultHash(results.get(roundId)!),
    })),
    schools: laterRoundCapacity(
      schoolRows.map((s) => ({ id: s.id, places: s.places })),
      placedPerSchool([...results.values()].flat()),
      released,
    ),
  };
}

/**
 * Takes the approved cases (for a 补录 round also the unplaced) and the schools as they are now;
 * later changes do not enter the round.
 */
function freezeRoundActivity(rounds: RoundRepository, eligibility: EligibilityRepository) {
  return async (roundId: string): Promise<{ applicants: number; listHash: string }> => {
    const r = await rounds.get(roundId);
    if (r.status !== 'CREATED')
      return {
        applicants: (await rounds.frozenApplicants(roundId)).length,
        listHash: r.applicantListHash ?? '',
      };
    const schoolRows = await rounds.schools(r.countyCode, r.stage);
    const basis = await laterRoundBasis(rounds, r, schoolRows);
    const cases = await rounds.approvedCases(r.countyCode, r.stage, r.seasonYear, !!basis);
    const capacity = new Map(basis?.schools.map((s) => [s.schoolId, s.capacity]));
    const schools = allocationSchools(schoolRows).map((s) => ({
      ...s,
      capacity: capacity.get(s.id) ?? s.capacity,
    }));
    const applicants = roundApplicants(cases, schoolRows, schools);
    const listHash = applicantListHash(applicants.map((a) => a.applicationNo));
    const policy =
      (await eligibility.policy(r.countyCode, r.stage, r.seasonYear)) ?? DEFAULT_POLICY;
    await rounds.freeze(roundId, applicants, schools, listHash, policy.version, basis);
    return { applicants: applicants.length, listHash };
  };
}

/** Runs the allocation with the round's seed over exactly the frozen inputs. */
function drawRoundActivity(rounds: RoundRepository) {
  return async (
    roundId: string,
  ): Promise<{ admitted: number; bureau: number; notPlaced: number }> => {
    const r = await rounds.get(roundId);
    if (r.status === 'FROZEN') {
      const applicants = await rounds.frozenApplicants(roundId);
      const allocation = allocateRound({
        schools: r.schools as unknown as AllocationSchool[],
        applicants: applicants.map((a) => a.entry),
        mechanism: r.mechanism as Mechanism,
        seed: r.seed,
      });
      await rounds.saveDraw(roundId, allocation);
    }
    const results = await rounds.publishedResults(roundId);
    const count = (kind: string) => results.filter((x) => x.placement.result === kind).length;
    return {
      admitted: count('ADMITTED'),
      bureau: count('ASSIGNED_BY_BUREAU'),
      notPlaced: count('NOT_PLACED'),
    };
  };
}

/** Activities of an admission round: freeze, draw, deliver, publish. Each is idempotent. */
export function admissionRoundActivities(
  rounds: RoundRepository,
  eligibility: EligibilityRepository,
  temporal: Client,
  waitlists: WaitlistRepository,
) {
  return {
    freezeRound: freezeRoundActivity(rounds, eligibility),
    drawRound: drawRoundActivity(rounds),
    deliverResults: deliverResultsActivity(rounds, eligibility, temporal, waitlists),
    publishRound: async (roundId: string): Promise<void> => {
      await rounds.publish(roundId);
    },
  };
}
