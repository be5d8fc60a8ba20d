import type { Client } from '@temporalio/client';
import type { Activities } from '../contract';
import type { ApplicationRepository } from '../db/application-repository';
import type { RoundRepository } from '../db/round-repository';
import type { EligibilityRepository } from '../db/eligibility-repository';
import type { ReferenceDataRepository } from '../db/reference-data-repository';
import type { RetentionRepository } from '../db/retention-repository';
import type { WaitlistRepository } from '../db/waitlist-repository';
import type { WarningRepository } from '../db/warning-repository';
import type { AttachmentStore } from '../storage/attachment-store';
import type { DataSharingClient } from '../integration/data-sharing/client';
import type { StatusNotifier } from '../integration/platform/status-notifier';
import { admissionRoundActivities } from './admission-round';
import { assessEligibilityActivity } from './assess-eligibility';
import { lockHousingActivity } from './lock-housing';
import { notifyPlatformActivities } from './notify-platform';
import { recordCaseDetailsActivity } from './record-case-details';
import { checksRecorder, recordCheckActivity } from './record-check';
import { recordChecksAndAssessActivity } from './record-checks-and-assess';
import { recordTransitionActivities } from './record-transition';
import { earlyWarningActivities } from './early-warning';
import { retentionActivities } from './retention';
import { verificationActivities } from './verify-checks';
import { waitlistActivities } from './waitlist';

export interface ActivityDependencies {
  readonly applications: ApplicationRepository;
  readonly eligibility: EligibilityRepository;
  readonly reference: ReferenceDataRepository;
  readonly dataSharing: DataSharingClient;
  readonly platform: StatusNotifier;
  readonly rounds: RoundRepository;
  /** Released places and the waitlists' chains. */
  readonly waitlists: WaitlistRepository;
  /** For delivering round results to application workflows. */
  readonly temporal: Client;
  readonly retention: RetentionRepository;
  /** Uploaded documents, which retention deletes. */
  readonly attachments: AttachmentStore;
  readonly warnings: WarningRepository;
}

/** All activities, built from their dependencies so tests can hand in their own. */
export function createActivities(deps: ActivityDependencies): Activities {
  const recordChecks = checksRecorder(deps.applications);
  const assessEligibility = assessEligibilityActivity(deps.eligibility, deps.reference);
  return {
    ...recordTransitionActivities(deps.applications, deps.temporal),
    recordCheck: recordCheckActivity(recordChecks),
    recordCaseDetails: recordCaseDetailsActivity(deps.applications),
    ...verificationActivities(deps.dataSharing),
    assessEligibility,
    recordChecksAndAssess: recordChecksAndAssessActivity(recordChecks, assessEligibility),
    ...notifyPlatformActivities(deps.platform),
    lockHousing: lockHousingActivity(deps.eligibility),
    ...admissionRoundActivities(deps.rounds, deps.eligibility, deps.temporal, deps.waitlists),
    ...retentionActivities(deps.retention, deps.attachments),
    ...waitlistActivities(deps.waitlists, deps.rounds, deps.eligibility, deps.temporal),
    ...earlyWarningActivities(deps.warnings, deps.dataSharing, deps.platform),
  };
}
