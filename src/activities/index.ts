import type { ApplicationRepository } from '../db/application-repository';
import type { DataSharingClient } from '../integration/data-sharing/client';
import type { StatusNotifier } from '../integration/platform/status-notifier';
import { notifyPlatformActivity } from './notify-platform';
import { recordCheckActivity } from './record-check';
import { recordTransitionActivity } from './record-transition';
import { verifyIdentityActivity } from './verify-identity';

export interface ActivityDependencies {
  readonly applications: ApplicationRepository;
  readonly dataSharing: DataSharingClient;
  readonly platform: StatusNotifier;
}

/** All activities, built from their dependencies so tests can hand in their own. */
export function createActivities(deps: ActivityDependencies) {
  return {
    recordTransition: recordTransitionActivity(deps.applications),
    recordCheck: recordCheckActivity(deps.applications),
    verifyIdentity: verifyIdentityActivity(deps.dataSharing),
    notifyPlatform: notifyPlatformActivity(deps.platform),
  };
}

export type Activities = ReturnType<typeof createActivities>;
