import type { EligibilityRepository } from '../db/eligibility-repository';
import type { Stage } from '../domain/enrolment';

export function lockHousingActivity(eligibility: EligibilityRepository) {
  /** Locks the certificate an admission rested on (学位锁定); a retry writes the same lock. */
  return async function lockHousing(
    certificateNo: string,
    stage: Stage,
    lockedUntil: string,
    applicationNo: string,
  ): Promise<void> {
    await eligibility.lock({ certificateNo, stage, lockedUntil, applicationNo });
  };
}
