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

/** The child's key: the lookup key of the child's ID number. */
export function childKey(secret: string, residentId: string): string {
  return lookupKey(secret, residentId);
}

/**
 * A person's key: the lookup key of their ID number. A child's names its case; a guardian's is
 * the real-name-verified person a family's token carries (issue 13).
 */
export function personKey(secret: string, residentId: string): string {
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
  secret: string,
): boolean {
  return (
    guardianKey !== undefined &&
    form.guardians.some((g) => personKey(secret, g.idNumber) === guardianKey)
  );
}
