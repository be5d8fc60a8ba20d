import type { StatusNotifier } from '../integration/platform/status-notifier';
import type { StatusNotice } from '../contract';

export function notifyPlatformActivity(notifier: StatusNotifier) {
  /** Tells the platform of one status change; the delivery id lets it drop a retried duplicate. */
  return async function notifyPlatform(notice: StatusNotice): Promise<void> {
    await notifier.notify(notice);
  };
}
