import { createHmac } from 'node:crypto';
import type { Stage } from './enrolment';
import type { ApplicationForm } from './forms/application-form';

/**
 * Keyed hash of a person's ID number: stable per person, useless without the key, so it can stand
 * in workflow ids, search indexes, logs and tokens where the number itself must not. The child's
 * key names its case; a guardian's, the real-name-verified person a family's token carries.
 */
export function personKey(secret: string, residentId: string): string {
  return createHmac('sha256', secret).update(residentId, 'utf8').digest('hex').slice(0, 32);
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
