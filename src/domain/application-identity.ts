import { createHmac } from 'node:crypto';
import type { Stage } from './enrolment';

/**
 * Keyed hash of the child's ID number: stable per child, useless without the key, so it can stand
 * in workflow ids, search indexes and logs where the number itself must not.
 */
export function childKey(secret: string, residentId: string): string {
  return createHmac('sha256', secret).update(residentId, 'utf8').digest('hex').slice(0, 32);
}

/** One live application per child per season and stage is enforced by this id being unique. */
export function enrolmentWorkflowId(seasonYear: number, stage: Stage, key: string): string {
  return `enrolment-${seasonYear}-${stage}-${key}`;
}
