import { createHmac } from 'node:crypto';
import type { Stage } from './enrolment';
import type { ApplicationForm } from './forms/application-form';

/**
 * Keyed hash of an identifier (an ID number, a certificate number): stable per identifier,
 * useless without the key, so it can stand where the identifier must not but equality must hold —
 * workflow ids, search indexes, logs, a lookup column.
 */
export function lookupKey(secret: string, identifier: string): string {
  return createHmac('sha256', secret).update(identifier, 'utf8').digest('hex').slice(0, 32);
}

/** The child's key: the lookup key of the child's ID number, under CHILD_KEY_SECRET. */
export function childKey(secret: string, residentId: string): string {
  return lookupKey(secret, residentId);
}

/**
 * A guardian's key: the keyed hash of their ID number under GUARDIAN_KEY_SECRET, the key this
 * service shares with the platform, which puts it in the real-name-verified person's tokens
 * (issue 13). A key of its own (issue 12): ID numbers are enumerable, so whoever holds the
 * child key can recover the child behind a workflow id, and the platform must not.
 */
export function guardianKeyOf(secret: string, residentId: string): string {
  return lookupKey(secret, residentId);
}

/** One live application per child per season and stage is enforced by this id being unique. */
export function enrolmentWorkflowId(seasonYear: number, stage: Stage, key: string): string {
  return `enrolment-${seasonYear}-${stage}-${key}`;
}

/**
 * Who may apply for a child (issue 13): the platform verifies a person's real name and vouches for
 * them with a keyed hash of their ID number (never the number), and only a guardian the form names
 * may submit it online. Registration-point staff are exempt: they see the household booklet.
 */
export function namesGuardian(
  form: Pick<ApplicationForm, 'guardians'>,
  guardianKey: string | undefined,
  guardianKeySecret: string,
): boolean {
  return (
    guardianKey !== undefined &&
    form.guardians.some((g) => guardianKeyOf(guardianKeySecret, g.idNumber) === guardianKey)
  );
}
