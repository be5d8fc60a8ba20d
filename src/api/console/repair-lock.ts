import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { RepairLockRepository } from '../../db/repair-lock-repository';
import { RepairRefusedError } from '../../domain/errors';
import { REPAIR_LOCKS } from '../injection-tokens';

/** Longer than a reset with its re-applied decisions can take (a minute each at worst). */
const REPAIR_CLAIM_MS = 10 * 60_000;

/**
 * One repair of a case at a time, across API replicas: two resets of one run would each start a
 * new run, the second ending the first's. A claim lapses if its holder dies mid-repair.
 */
@Injectable()
export class RepairLock {
  constructor(@Inject(REPAIR_LOCKS) private readonly locks: RepairLockRepository) {}

  async exclusively<T>(applicationNo: string, work: () => Promise<T>): Promise<T> {
    const holder = randomUUID();
    if (!(await this.locks.claim(applicationNo, holder, REPAIR_CLAIM_MS)))
      throw new RepairRefusedError('RESET', 'another repair of this case is in progress');
    try {
      return await work();
    } finally {
      await this.locks.release(applicationNo, holder);
    }
  }
}
