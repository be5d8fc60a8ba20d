import type { EnrolmentStatus } from './enrolment';
import { APPEAL_DECISIONS, type AppealDecision } from './review';

/**
 * Appeals (复核申请, DESIGN.md §3): a family may ask the county to look again at a rejection or a
 * placement within the county's period, counted from the decision. Pure rules: the workflow and
 * the API apply the same ones.
 */

/** The results a family may appeal: a rejection, and each admission round's placement. */
export const APPEALABLE_STATUSES = [
  'REJECTED',
  'ADMITTED',
  'ASSIGNED_BY_BUREAU',
  'NOT_ADMITTED',
] as const satisfies readonly EnrolmentStatus[];
export type AppealableStatus = (typeof APPEALABLE_STATUSES)[number];

/** A county without its own period: five days, as the regional plan's examples allow. */
export const DEFAULT_APPEAL_WINDOW_MS = 5 * 24 * 60 * 60 * 1000;

export function isAppealable(status: EnrolmentStatus): status is AppealableStatus {
  return (APPEALABLE_STATUSES as readonly string[]).includes(status);
}

/** The last moment an appeal of a result given at `decidedAt` is taken. */
export function appealDeadline(decidedAt: string, windowMs: number | undefined): string {
  return new Date(Date.parse(decidedAt) + (windowMs ?? DEFAULT_APPEAL_WINDOW_MS)).toISOString();
}

/**
 * What an answer changes, besides the reviewer's words (the rule below, `appealAnswer`):
 * - RESULT_STANDS: the appeal is upheld, the result stays;
 * - REVIEWED_AGAIN: an accepted appeal of a refusal (a rejection, or no place) sends the case back
 *   to review, where the reviewer corrects the facts (an assessment again) and decides again;
 * - BETTER_PLACE_SOUGHT: an accepted appeal of a placement keeps the place and puts the child in
 *   the next 补录 round for the schools it ranked above it;
 * - OVERTAKEN: the case moved on while the appeal waited (a later round or a waitlist offer placed
 *   the child, or the family gave its place up): its present status stands.
 */
export const APPEAL_EFFECTS = [
  'RESULT_STANDS',
  'REVIEWED_AGAIN',
  'BETTER_PLACE_SOUGHT',
  'OVERTAKEN',
] as const;
export type AppealEffect = (typeof APPEAL_EFFECTS)[number];

/** An appeal as the case keeps it: what was appealed, by whom, and the county's answer. */
export interface AppealRecord {
  readonly appealed: AppealableStatus;
  /** The family's words (personal: sealed in the read model, never on the timeline). */
  readonly reason: string;
  readonly filedBy: string;
  readonly filedAt: string;
  readonly deadline: string;
  readonly outcome: {
    readonly decision: AppealDecision;
    readonly reason: string;
    readonly reviewerId: string;
    readonly decidedAt: string;
    /** What the answer changed (absent in answers recorded before it was kept). */
    readonly effect?: AppealEffect;
  } | null;
}

/**
 * Where the case goes once the reviewer decides, and what that changes. An accepted appeal never
 * leaves a family worse off than its result: a refusal (REJECTED, or NOT_ADMITTED) is reviewed
 * again, so the reviewer can correct the facts the result rested on and approve, and the next
 * round (补录 after a round) takes the case on its new assessment; a placement is kept, since
 * giving it up for a chance in a later round could leave the child with none, and the next 补录
 * round looks for a place at a school the family ranked higher (`choicesAbove`), moving the
 * child only if it finds one. `current` is the status when the answer comes: an appeal of no
 * place may be answered after a later round placed the child, and that place stands.
 * `holdsPlace`: the family still holds the place appealed (runs from before place confirmation
 * kept no place a round could improve, and their placement simply stands).
 */
export function appealAnswer(
  decision: AppealDecision,
  appealed: AppealableStatus,
  current: EnrolmentStatus,
  holdsPlace: boolean,
): { readonly status: EnrolmentStatus; readonly effect: AppealEffect } {
  if (current !== appealed) return { status: current, effect: 'OVERTAKEN' };
  if (decision === 'UPHOLD') return { status: current, effect: 'RESULT_STANDS' };
  if (appealed === 'REJECTED' || appealed === 'NOT_ADMITTED')
    return { status: 'AWAITING_REVIEW', effect: 'REVIEWED_AGAIN' };
  return { status: current, effect: holdsPlace ? 'BETTER_PLACE_SOUGHT' : 'RESULT_STANDS' };
}

/**
 * The choices a child keeping its place after an accepted appeal competes for in the next 补录
 * round: those the family ranked above the school it holds (a prefix, so each keeps its rank);
 * all of them when it holds none of its choices (a bureau place, 统筹).
 */
export function choicesAbove<T extends { readonly schoolId: string }>(
  choices: readonly T[],
  heldSchoolId: string,
): T[] {
  const held = choices.findIndex((c) => c.schoolId === heldSchoolId);
  return held < 0 ? [...choices] : choices.slice(0, held);
}

/** The timeline's words when the family asks (its own words stay off the timeline). */
export const APPEAL_FILED_REASON = '家长已申请复核\nThe family asked for a review (appeal)';

type Text = { readonly zh: string; readonly en: string };

const STANDS_NEXT: Record<AppealableStatus, Text> = {
  REJECTED: {
    zh: '如情况有变,可重新提交申请。',
    en: 'You may apply again if your circumstances change.',
  },
  NOT_ADMITTED: {
    zh: '孩子仍参加下一轮补录。',
    en: 'The child still takes part in the next supplementary round (补录).',
  },
  ADMITTED: {
    zh: '请按录取通知在期限内确认学位。',
    en: 'Please confirm the place by the deadline in the admission notice.',
  },
  ASSIGNED_BY_BUREAU: {
    zh: '请按录取通知在期限内确认学位。',
    en: 'Please confirm the place by the deadline in the admission notice.',
  },
};

/** What happens next after each answer, in the family's words (Chinese first). */
function nextStep(effect: AppealEffect, appealed: AppealableStatus): Text {
  if (effect === 'REVIEWED_AGAIN')
    return {
      zh: '申请已退回教育局重新审核,审核通过后参加下一轮录取(补录)。',
      en: 'The application goes back to the bureau for review; once approved it takes part in the next admission round (补录).',
    };
  if (effect === 'BETTER_PLACE_SOUGHT')
    return {
      zh: '现有学位予以保留;下一轮补录将在您排序更靠前的志愿学校中为孩子安排学位,有则调整,无则保留现有学位。',
      en: 'Your current place is kept; the next supplementary round (补录) looks for a place at a school you ranked higher, moving the child only if it finds one.',
    };
  if (effect === 'OVERTAKEN')
    return {
      zh: '复核期间案件已有新的结果(如在后续录取中获得学位),以当前结果为准。',
      en: 'The case has moved on while the appeal was under review (placed in a later round, say); its present result stands.',
    };
  return STANDS_NEXT[appealed];
}

/**
 * The timeline's words (and so the family's and the platform's) for the county's answer: the
 * answer, the reviewer's words, then what happens next.
 */
export function appealDecidedReason(
  decision: AppealDecision,
  reason: string,
  effect: AppealEffect,
  appealed: AppealableStatus,
): string {
  const { zh, en } = APPEAL_DECISIONS[decision].label;
  const next = nextStep(effect, appealed);
  return `${zh}:${sentence(reason, '。')}${next.zh}\n${en}: ${sentence(reason, '.')} ${next.en}`;
}

/** The reviewer's words as a sentence, without doubling a stop they already end with. */
function sentence(words: string, stop: string): string {
  const trimmed = words.trim();
  return /[。.!?!?]$/.test(trimmed) ? trimmed : `${trimmed}${stop}`;
}

/** What the family reads about its appeal, in both languages. */
export function appealForFamily(record: AppealRecord | null, deadline: string | null) {
  if (!record)
    return deadline ? { state: 'OPEN' as const, deadline, text: openText(deadline) } : null;
  if (!record.outcome)
    return {
      state: 'PENDING' as const,
      deadline: record.deadline,
      filedAt: record.filedAt,
      text: {
        zh: '复核申请已受理,请等待教育局答复。',
        en: 'Your appeal is being reviewed by the bureau.',
      },
    };
  const { decision, reason, decidedAt, effect } = record.outcome;
  return {
    state: decision === 'ACCEPT' ? ('ACCEPTED' as const) : ('UPHELD' as const),
    deadline: record.deadline,
    filedAt: record.filedAt,
    decidedAt,
    reason,
    text: APPEAL_DECISIONS[decision].label,
    // Answers recorded before the effect was kept say only what the reviewer wrote.
    ...(effect && { effect, next: nextStep(effect, record.appealed) }),
  };
}

function openText(deadline: string) {
  return {
    zh: `如对结果有异议,可在 ${deadline} 前申请复核。`,
    en: `If you disagree with the result, you may ask for a review (appeal) before ${deadline}.`,
  };
}
