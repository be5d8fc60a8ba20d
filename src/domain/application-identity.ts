import { createHmac } from 'node:crypto';
import type { Stage } from './enrolment';

/**
 * Keyed hash of an identifier (an ID number, a certificate number): stable per identifier,
 * useless without the key, so it can stand where the identifier must not but equality must hold —
 * workflow ids, search indexes, logs, a lookup column.
 */
export function lookupKey(secret: string, identifier: string): string {
  return createHmac('sha256', secret).update(identifier, 'utf8').digest('hex').slice(0, 32);
}

/** The child's key: the lookup key of the child's ID number. */
export function childKey(secret: string, residentId: string): string {
  return lookupKey(secret, residentId);
}

/** One live application per child per season and stage is enforced by this id being unique. */
export function enrolmentWorkflowId(seasonYear: number, stage: Stage, key: string): string {
  return `enrolment-${seasonYear}-${stage}-${key}`;
}
