import type { IncomingMessage } from 'node:http';
import {
  MAX_CLOCK_SKEW_MS,
  SIGNATURE_HEADERS,
  signatureOf,
  signaturesEqual,
} from '../integration/data-sharing/signing';
import { CALLBACK_HEADERS, callbackSignature } from '../integration/platform/callback-signature';
import { headerOf, HttpProblem } from './http';

class NonceLedger {
  private readonly seen = new Map<string, number>();
  /** True the first time a nonce is presented within the skew window. */
  admit(nonce: string, now: number): boolean {
    for (const [n, at] of this.seen) {
      if (now - at <= 2 * MAX_CLOCK_SKEW_MS) break;
      this.seen.delete(n);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now);
    return true;
  }
}

/** The exchange's gate: app key, timestamp window, signature, then a nonce used only once. */
export class DepartmentRequestGate {
  private readonly nonces = new NonceLedger();

  constructor(
    private readonly appKey: string,
    private readonly appSecret: string,
  ) {}

  /** Throws a 401 problem unless the request is signed by the app, fresh and not replayed. */
  authenticate(req: IncomingMessage, path: string, body: string): void {
    const appKey = headerOf(req, SIGNATURE_HEADERS.appKey);
    const timestamp = headerOf(req, SIGNATURE_HEADERS.timestamp);
    const nonce = headerOf(req, SIGNATURE_HEADERS.nonce);
    const signature = headerOf(req, SIGNATURE_HEADERS.signature);
    if (!appKey || !timestamp || !nonce || !signature)
      throw new HttpProblem(401, 'UNSIGNED', 'request is not signed');
    if (appKey !== this.appKey) throw new HttpProblem(401, 'UNKNOWN_APP', 'unknown app key');
    const now = Date.now();
    if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > MAX_CLOCK_SKEW_MS) {
      throw new HttpProblem(401, 'STALE', 'request timestamp outside the allowed window');
    }
    const expected = signatureOf(this.appSecret, {
      method: req.method ?? 'POST',
      path,
      timestamp,
      nonce,
      body,
    });
    if (!signaturesEqual(expected, signature))
      throw new HttpProblem(401, 'BAD_SIGNATURE', 'signature does not match');
    if (!this.nonces.admit(nonce, now))
      throw new HttpProblem(401, 'REPLAYED', 'nonce already used');
  }
}

/** The platform receiver's check of a status callback; answers its delivery id. */
export function authenticateCallback(req: IncomingMessage, secret: string, body: string): string {
  const timestamp = headerOf(req, CALLBACK_HEADERS.timestamp);
  const signature = headerOf(req, CALLBACK_HEADERS.signature);
  const deliveryId = headerOf(req, CALLBACK_HEADERS.deliveryId);
  if (timestamp === undefined || signature === undefined || deliveryId === undefined) {
    throw new HttpProblem(401, 'UNSIGNED', 'callback is not signed');
  }
  if (!signaturesEqual(callbackSignature(secret, timestamp, body), signature)) {
    throw new HttpProblem(401, 'BAD_SIGNATURE', 'callback signature does not match');
  }
  return deliveryId;
}
