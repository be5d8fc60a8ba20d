import { z } from 'zod';
import { text } from './forms/primitives';
import {
  APPEAL_DECISION_KINDS,
  DECISION_KINDS,
  missingDecisionFields,
  REJECTION_REASON_CODES,
} from './review';

/**
 * A reviewer's decision as the API takes it; operators deliver the same fields after a reset.
 * The rule on which fields a decision needs is `missingDecisionFields` (review.ts), which the
 * workflow's validator applies too; this schema adds each field's format.
 */
export const decisionFields = {
  decision: z.enum(DECISION_KINDS).describe(DECISION_KINDS.join(' or ')),
  reasonCode: z
    .enum(REJECTION_REASON_CODES)
    .optional()
    .describe('Required for REJECT: the reason from the list'),
  reason: text(500).optional().describe('Required for REJECT: words the family reads'),
};

/** Adds an issue for each field the decision needs and lacks (REQUIRED, on that field). */
export function decisionNeedsItsFields(
  value: z.infer<z.ZodObject<typeof decisionFields>>,
  ctx: z.RefinementCtx,
): void {
  const { fields, message } = missingDecisionFields(value);
  for (const field of fields)
    ctx.addIssue({ code: 'custom', path: [field], message, params: { rule: 'REQUIRED' } });
}

export const reviewDecisionSchema = z
  .strictObject(decisionFields)
  .superRefine(decisionNeedsItsFields);
export type ReviewDecisionFields = z.infer<typeof reviewDecisionSchema>;

/** A reviewer's answer to an appeal as the API takes it (the rule: `missingAppealDecisionFields`). */
export const appealDecisionSchema = z.strictObject({
  decision: z
    .enum(APPEAL_DECISION_KINDS)
    .describe(
      'UPHOLD: the result stands; ACCEPT: the appeal is accepted (a rejection is reviewed again)',
    ),
  reason: text(500).describe('Why, in words the family reads'),
});
export type AppealDecisionFields = z.infer<typeof appealDecisionSchema>;
