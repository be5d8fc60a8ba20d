import { proxyActivities } from '@temporalio/workflow';
import type { Activities, WarningPublicationNotice } from '../contract';

// The platform may be down for hours: tried until it answers, for up to a week, backing off.
const { relayWarningPublication: relay } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '7 days',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/**
 * Hands a bureau's published warnings (学位预警) to the platform (桂通办) for the public, once
 * per publication: its workflow id names the county, stage, season and version, so publishing
 * starts it exactly once, and a process that dies before the platform answered loses nothing.
 */
export async function relayWarningPublication(notice: WarningPublicationNotice): Promise<void> {
  await relay(notice);
}
