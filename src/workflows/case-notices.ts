import type { StatusNotice } from '../contract';
import { notifyPlatform } from './enrolment/case-activities';

/**
 * The notices a case's run had not delivered when the child applied again (contract
 * `applyAgainUpdate`): the old run hands them here and closes, so a platform outage delays the
 * platform's news of the old case, never the new case. In order, each until the platform takes
 * it; a notice the old run had already sent comes again under its delivery id, which the
 * platform drops.
 */
export async function caseNotices(notices: readonly StatusNotice[]): Promise<void> {
  for (const notice of notices) await notifyPlatform(notice);
}
