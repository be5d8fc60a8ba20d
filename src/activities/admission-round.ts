import { heartbeat } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { EligibilityRepository } from '../db/eligibility-repository';
import type { RoundRepository } from '../db/round-repository';
import {
  allocate,
  type AllocationSchool,
  type ApplicantChoice,
  type Mechanism,
} from '../domain/allocation/allocate';
import { explainResult } from '../domain/allocation/explain';
import { applicantListHash } from '../domain/allocation/lottery';
import { DEFAULT_POLICY } from '../domain/eligibility/policy';
import { admissionResultSignal, type AdmissionDelivery } from '../contract';

interface StoredSchool {
  schoolId: string;
  tier: number;
  qualifyingDate: string | null;
  contributionMonths: number | null;
}

/** Activities of an admission round: freeze, draw, deliver, publish. Each is idempotent. */
export function admissionRoundActivities(
  rounds: RoundRepository,
  eligibility: EligibilityRepository,
  temporal: Client,
) {
  async function round(roundId: string) {
    const r = await rounds.find(roundId);
    if (!r) throw new Error(`round ${roundId} does not exist`);
    return r;
  }

  return {
    /** Takes the approved cases and the schools as they are now; later changes do not enter the round. */
    async freezeRound(roundId: string): Promise<{ applicants: number; listHash: string }> {
      const r = await round(roundId);
      if (r.status !== 'CREATED')
        return {
          applicants: (await rounds.frozenApplicants(roundId)).length,
          listHash: r.applicantListHash ?? '',
        };
      const [cases, schoolRows] = await Promise.all([
        rounds.approvedCases(r.countyCode, r.stage, r.seasonYear),
        rounds.schools(r.countyCode, r.stage),
      ]);
      const schools: AllocationSchool[] = schoolRows.map((s) => ({
        id: s.id,
        capacity: s.places,
        location: { x: s.locationX, y: s.locationY },
      }));
      const locationOf = new Map(schools.map((s) => [s.id, s.location]));
      const privateSchools = new Set(
        schoolRows.filter((s) => s.type === 'PRIVATE').map((s) => s.id),
      );
      const applicants = cases.map((c) => {
        const stored = (c.assessment?.schools ?? []) as unknown as StoredSchool[];
        const facts = (c.assessment?.facts ?? {}) as {
          property?: { certificateNo?: string; holder?: string };
        };
        // 公民同招: private schools admit by lottery alone, so every applicant has the same tier there.
        const choices: ApplicantChoice[] = stored.map((s) =>
          privateSchools.has(s.schoolId)
            ? { schoolId: s.schoolId, tier: 1, qualifyingDate: null, contributionMonths: null }
            : {
                schoolId: s.schoolId,
                tier: s.tier,
                qualifyingDate: s.qualifyingDate,
                contributionMonths: s.contributionMonths,
              },
        );
        return {
          applicationNo: c.applicationNo,
          workflowId: c.workflowId,
          runId: c.runId,
          entry: {
            id: c.applicationNo,
            eligible: c.assessment?.eligible ?? false,
            choices,
            // Families are placed by the bureau nearest their first choice, the closest proxy for home.
            location: locationOf.get(choices[0]?.schoolId ?? '') ?? { x: 0, y: 0 },
            certificateNo:
              facts.property?.holder === 'GUARDIAN' ? (facts.property.certificateNo ?? null) : null,
          },
        };
      });
      const listHash = applicantListHash(applicants.map((a) => a.applicationNo));
      const policy =
        (await eligibility.policy(r.countyCode, r.stage, r.seasonYear)) ?? DEFAULT_POLICY;
      await rounds.freeze(roundId, applicants, schools, listHash, policy.version);
      return { applicants: applicants.length, listHash };
    },

    /** Runs the allocation with the round's seed over exactly the frozen inputs. */
    async drawRound(
      roundId: string,
    ): Promise<{ admitted: number; bureau: number; notPlaced: number }> {
      const r = await round(roundId);
      if (r.status === 'FROZEN') {
        const applicants = await rounds.frozenApplicants(roundId);
        const allocation = allocate({
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
    },

    /**
     * Signals the next batch of results to their application workflows, a few at a time. A batch
     * cut short by a crash is sent again; the cases ignore a second delivery of the same round.
     */
    async deliverResults(
      roundId: string,
      batchSize: number,
    ): Promise<{ delivered: number; remaining: number }> {
      const r = await round(roundId);
      const names = new Map(
        ((r.schools ?? []) as unknown as AllocationSchool[]).map((s) => [s.id, s.id]),
      );
      const lockYears = (
        (await eligibility.policy(r.countyCode, r.stage, r.seasonYear)) ?? DEFAULT_POLICY
      ).lockYears[r.stage];
      const batch = await rounds.undelivered(roundId, batchSize);
      const delivered: string[] = [];
      const concurrency = 20;
      for (let i = 0; i < batch.length; i += concurrency) {
        await Promise.all(
          batch.slice(i, i + concurrency).map(async (row) => {
            const placement = row.placement;
            const delivery: AdmissionDelivery = {
              roundId,
              result: placement.result === 'NOT_PLACED' ? 'NOT_ADMITTED' : placement.result,
              schoolId: placement.result === 'NOT_PLACED' ? null : placement.schoolId,
              explanation: explainResult(
                { applicantId: row.application_no, placement, choices: row.choices },
                names,
              ),
              housingLock:
                placement.result !== 'NOT_PLACED' && row.entry.certificateNo
                  ? {
                      certificateNo: row.entry.certificateNo,
                      lockedUntil: `${r.seasonYear + lockYears}-08-31`,
                    }
                  : null,
            };
            try {
              await temporal.workflow
                .getHandle(row.workflow_id, row.run_id)
                .signal(admissionResultSignal, delivery);
            } catch (error) {
              // A case that has ended since the freeze cannot take a result; the round moves on.
              if (!(error instanceof WorkflowNotFoundError)) throw error;
            }
            delivered.push(row.application_no);
          }),
        );
        heartbeat(delivered.length);
      }
      await rounds.markDelivered(roundId, delivered);
      return { delivered: delivered.length, remaining: await rounds.countUndelivered(roundId) };
    },

    async publishRound(roundId: string): Promise<void> {
      await rounds.publish(roundId);
    },
  };
}
