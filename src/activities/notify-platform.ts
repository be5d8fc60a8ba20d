import type { StatusNotifier } from '../integration/platform/status-notifier';
import type { StatusNotice } from '../contract';

export function notifyPlatformActivities(notifier: StatusNotifier) {
  /** Tells the platform of one status change; the delivery id lets it drop a retried duplicate. */
  async function notifyPlatform(notice: StatusNotice): Promise<void> {
    await notifier.notify(notice);
  }

  /** Several status changes, one after another in their order; the first failure ends it. */
  async function notifyPlatformInOrder(notices: readonly StatusNotice[]): Promise<void> {
    for (const notice of notices) await notifier.notify(notice);
  }

  return { notifyPlatform, notifyPlatformInOrder };
}
