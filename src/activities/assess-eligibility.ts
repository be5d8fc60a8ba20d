import type { EligibilityRepository } from '../db/eligibility-repository';
import type { ReferenceDataRepository } from '../db/reference-data-repository';
import { assessPriority } from '../domain/eligibility/assess';
import {
  autoFill,
  factsFromChecks,
  type CheckResults,
} from '../domain/eligibility/facts-from-checks';
import { DEFAULT_POLICY } from '../domain/eligibility/policy';
import { cityOf } from '../domain/reference/guangxi-divisions';
import type { PropertyEvidence } from '../domain/verification/checks';
import { applyConfirmations } from '../domain/eligibility/confirmations';
import type { EligibilitySummary, EnrolmentApplicationInput, Reassessment } from '../contract';

export function assessEligibilityActivity(
  eligibility: EligibilityRepository,
  reference: ReferenceDataRepository,
) {
  /** Eligibility, tier per chosen school and auto-filled fields, from the checks' evidence. */
  return async function assessEligibility(
    input: EnrolmentApplicationInput,
    checks: CheckResults,
    reassessment?: Reassessment,
  ): Promise<EligibilitySummary> {
    const { form } = input;
    const evidence = checks.PROPERTY?.evidence as Partial<PropertyEvidence> | undefined;
    const [season, choices, housingLock, countyPolicy] = await Promise.all([
      reference.seasonRules(form.seasonYear),
      eligibility.catchments(form.schoolChoices),
      eligibility.housingLock(evidence?.certificateNo ?? form.housing?.certificateNo),
      eligibility.policy(form.countyCode, form.stage, form.seasonYear),
    ]);
    if (!season) throw new Error(`season ${form.seasonYear} is not configured`);
    const confirmations = reassessment?.confirmations ?? [];
    const facts = applyConfirmations(
      factsFromChecks(form, checks, {
        cityCode: cityOf(form.countyCode)?.code ?? '',
        ...(housingLock && { housingLock }),
      }),
      form,
      confirmations,
    );
    const assessment = assessPriority({
      facts,
      choices,
      policy: countyPolicy ?? DEFAULT_POLICY,
      bornOnOrBefore:
        form.stage === 'PRIMARY_1' ? season.primaryBornOnOrBefore : season.juniorBornOnOrBefore,
    });
    await eligibility.save(
      input.applicationNo,
      { assessment, autoFill: autoFill(form, checks), facts },
      new Date(),
      reassessment && {
        number: reassessment.version,
        cause: reassessment.cause,
        confirmations,
      },
    );
    return {
      eligible: assessment.eligible,
      tiers: assessment.schools.map((s) => ({
        schoolId: s.schoolId,
        tier: s.tier,
        predicate: s.predicate,
      })),
      notes: assessment.notes.map((n) => n.code),
    };
  };
}
