import { consentText, type ConsentPurpose } from '../../domain/consent';
import type { AutoFilledField } from '../../domain/eligibility/facts-from-checks';
import type { Principal } from '../../domain/principal';
import { descriptorOf, type Check } from '../../domain/verification/checks';
import { familyCaseView, type SchoolTier } from '../../domain/family-case-view';
import type { CaseRow } from './case-gateway';

/**
 * How a case reads, once for every feature: its timeline, the evidence behind each check, and
 * what families see instead of the evidence.
 */

/** One step of a case as the read model recorded it, in the shape of the workflow's timeline. */
export function timelineOf(row: Pick<CaseRow, 'events'>) {
  return row.events.map((e) => ({
    seq: e.seq,
    from: e.fromStatus,
    to: e.toStatus,
    actor: e.actor,
    channel: e.channel,
    reason: e.reason,
    at: e.occurredAt.toISOString(),
  }));
}

/** What each registry said, for reviewers and operators (families read `familyView`). */
export function evidenceOf(row: Pick<CaseRow, 'verifications'>) {
  return row.verifications.map((v) => ({
    check: v.check,
    /** Which registry was asked and on what, in the reviewer's words. */
    about: descriptorOf(v.check as Check).reviewer,
    outcome: v.outcome,
    mismatchedFields: v.mismatchedFields,
    evidence: v.evidence,
    checkedAt: v.checkedAt.toISOString(),
  }));
}

/** Families and the platform acting for them read a case in plain words. */
export const isFamily = (principal: Principal) =>
  principal.role === 'PARENT' || principal.role === 'PLATFORM';

/**
 * Families read each check in plain words, their tier per school and what the registry corrected,
 * once the registry (or staff in person) confirmed the guardians: domain/family-case-view.ts.
 */
export function familyView(row: CaseRow) {
  return familyCaseView({
    verifications: row.verifications.map((v) => ({ check: v.check, outcome: v.outcome })),
    assessment: row.assessment && {
      eligible: row.assessment.eligible,
      notes: row.assessment.notes,
      schools: row.assessment.schools as unknown as SchoolTier[],
      autoFill: (row.assessment.autoFill ?? []) as unknown as AutoFilledField[],
    },
    offlineCheck: row.offlineCheck as { outcome: string } | null,
    admission: row.admission,
  });
}

/** Reviewers and operators see the evidence: what each registry said, and everything priority used. */
export function officialView(row: CaseRow) {
  return {
    verification: evidenceOf(row),
    admission: row.admission,
    assessment: assessmentOf(row),
  };
}

/** The consent the case rests on, with the words agreed to, for the family and officials alike. */
export function consentOf(row: Pick<CaseRow, 'consent'>) {
  const record = row.consent;
  if (!record) return null;
  const texts = consentText(record.textVersion)?.texts;
  return {
    textVersion: record.textVersion,
    purposes: (record.purposes as ConsentPurpose[]).flatMap((purpose) =>
      texts ? [{ purpose, text: texts[purpose] }] : [],
    ),
    channel: record.channel,
    actor: record.actor,
    givenAt: record.givenAt.toISOString(),
    signedOnPaper: record.paperFormSha256 !== null,
    paperFormSha256: record.paperFormSha256,
    withdrawnAt: record.withdrawnAt?.toISOString() ?? null,
  };
}

/** Everything priority used, as reviewers, operators and auditors read it. */
export function assessmentOf({ assessment }: Pick<CaseRow, 'assessment'>) {
  return (
    assessment && {
      policyVersion: assessment.policyVersion,
      eligible: assessment.eligible,
      notes: assessment.notes,
      schools: assessment.schools,
      autoFill: assessment.autoFill,
      facts: assessment.facts,
      assessedAt: assessment.assessedAt.toISOString(),
    }
  );
}
