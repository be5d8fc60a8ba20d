import type { StatusNotice, WarningPublicationNotice } from '../../contract';
import { CALLBACK_HEADERS, callbackSignature } from './callback-signature';

export interface StatusNotifierOptions {
  readonly url: string;
  readonly secret: string;
  readonly timeoutMs: number;
}

export class PlatformUnavailableError extends Error {
  constructor(reason: string, options?: ErrorOptions) {
    super(`Platform callback not accepted: ${reason}`, options);
    this.name = 'PlatformUnavailableError';
  }
}

/**
 * Pushes one notice to the platform's callback URL: a case's status change, or a bureau's
 * published warnings for the public. Any failure is worth retrying.
 */
export class StatusNotifier {
  constructor(private readonly options: StatusNotifierOptions) {}

  async notify(notice: StatusNotice | WarningPublicationNotice): Promise<void> {
    const body = JSON.stringify(notice);
    const timestamp = String(Date.now());
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [CALLBACK_HEADERS.timestamp]: timestamp,
          [CALLBACK_HEADERS.signature]: callbackSignature(this.options.secret, timestamp, body),
          [CALLBACK_HEADERS.deliveryId]: notice.deliveryId,
        },
        body,
        // A redirect could carry a signed notice to a host nobody configured: it is a failure.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new PlatformUnavailableError('no response', { cause: error });
    }
    await response.body?.cancel();
    if (!response.ok) throw new PlatformUnavailableError(`HTTP ${response.status}`);
  }
}
