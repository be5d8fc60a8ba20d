import { setTimeout as delay } from 'node:timers/promises';
import { Prisma } from '../generated/prisma/client';
import type { Db } from './prisma-client';

/**
 * Idempotency-Key support: the first request with a key claims it; its response is stored and
 * replayed to every retry of the same request by the same caller.
 */
export type IdempotencyClaim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'replay'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'in-progress' };

export class IdempotencyStore {
  constructor(
    private readonly db: Db,
    private readonly waitForFirstMs = 10_000,
  ) {}

  async claim(principal: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const inserted = await this.db.$executeRaw`
      INSERT INTO idempotency_record (principal, key, request_hash)
      VALUES (${principal}, ${key}, ${requestHash})
      ON CONFLICT (principal, key) DO NOTHING`;
    if (inserted === 1) return { kind: 'claimed' };
    // A concurrent first request is still running: wait a little for its answer.
    const deadline = Date.now() + this.waitForFirstMs;
    for (;;) {
      const record = await this.db.idempotencyRecord.findUnique({
        where: { principal_key: { principal, key } },
      });
      if (!record) return this.claim(principal, key, requestHash);
      if (record.requestHash !== requestHash) return { kind: 'mismatch' };
      if (record.responseStatus !== null)
        return { kind: 'replay', status: record.responseStatus, body: record.responseBody };
      if (Date.now() > deadline) return { kind: 'in-progress' };
      await delay(100);
    }
  }

  async complete(principal: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db.idempotencyRecord.update({
      where: { principal_key: { principal, key } },
      data: { responseStatus: status, responseBody: body as Prisma.InputJsonValue },
    });
  }

  /** The first request failed without an answer worth keeping: let a retry run it again. */
  async release(principal: string, key: string): Promise<void> {
    await this.db.idempotencyRecord.deleteMany({ where: { principal, key, responseStatus: null } });
  }
}
