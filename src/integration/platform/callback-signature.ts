import { createHmac } from 'node:crypto';

/**
 * Status callbacks to the platform are signed: HMAC-SHA256 over `<timestamp>.<body>` with the
 * secret the two sides share. The receiver (the simulator in dev/test) checks the same way.
 */
export const CALLBACK_HEADERS = {
  timestamp: 'x-gx-timestamp',
  signature: 'x-gx-signature',
  deliveryId: 'x-gx-delivery-id',
} as const;

export function callbackSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}
