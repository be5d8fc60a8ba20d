import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  ConfirmationSource,
  FactConfirmationFields,
} from '../domain/eligibility/confirmations';
import type { EnrolmentStatus } from '../domain/enrolment';
import type { SupplementItem } from '../domain/review';
import type { AppealDecisionFields, ReviewDecisionFields } from '../domain/review-schema';

/** What people do to a case: the updates and signals the API sends and the workflow handles. */

/** The shape of those updates, so the workflow's handlers import the SDK's workflow package only. */
export type { UpdateDefinition } from '@temporalio/common';

/** A reviewer's decision (its fields and rules: domain/review.ts) and who took it. */
export type ReviewDecision = Readonly<ReviewDecisionFields> & { readonly reviewerId: string };

/** What an update answers: the case's status once the action is applied. */
export interface TransitionResult {
  readonly applicationNo: string;
  readonly status: EnrolmentStatus;
}

export interface SupplementRequest {
  readonly items: readonly SupplementItem[];
  readonly note?: string;
  /** When the supplement must be in; past it the case expires. */
  readonly deadline: string;
  readonly reviewerId: string;
}

export interface AttachmentRef {
  readonly sha256: string;
  readonly mimeType: 'application/pdf' | 'image/jpeg' | 'image/png';
  readonly size: number;
  readonly fileName: string;
}

export interface SupplementProvided {
  readonly items: readonly {
    readonly item: SupplementItem;
    readonly text?: string;
    readonly attachments: readonly AttachmentRef[];
  }[];
  readonly actor: string;
}

export interface OfflineCheckConfirmation {
  readonly registrationPointId: string;
  readonly staffId: string;
  readonly itemsSeen: readonly SupplementItem[];
  readonly outcome: 'VERIFIED' | 'NOT_VERIFIED';
  /** The facts the documents seen confirm (absent in checks recorded before it existed). */
  readonly confirms?: readonly FactConfirmationFields[];
  readonly note?: string;
  readonly reviewerId: string;
}

/** A reviewer confirms facts from a supplement's documents, or corrects facts, in review. */
export interface FactsConfirmed {
  readonly source: Exclude<ConfirmationSource, 'OFFLINE_CHECK'>;
  readonly confirms: readonly FactConfirmationFields[];
  readonly note?: string;
  readonly reviewerId: string;
}

export const confirmFactsUpdate = defineUpdate<TransitionResult, [FactsConfirmed]>('confirmFacts');

export interface Withdrawal {
  readonly actor: string;
  readonly reason?: string;
}

export const decideUpdate = defineUpdate<TransitionResult, [ReviewDecision]>('decide');
export const withdrawUpdate = defineUpdate<TransitionResult, [Withdrawal]>('withdraw');
export const requestSupplementUpdate = defineUpdate<TransitionResult, [SupplementRequest]>(
  'requestSupplement',
);
export const provideSupplementUpdate = defineUpdate<TransitionResult, [SupplementProvided]>(
  'provideSupplement',
);
export const confirmOfflineCheckUpdate = defineUpdate<TransitionResult, [OfflineCheckConfirmation]>(
  'confirmOfflineCheck',
);

/**
 * Who closes a case and why. Sent just before Temporal's cancellation request, which carries
 * neither to the workflow; the case records it on the timeline as it closes as CANCELLED.
 */
export interface CancellationNote {
  readonly actor: string;
  readonly reason: string;
}

export const cancellationNoteSignal = defineSignal<[CancellationNote]>('cancellationNote');

/**
 * A family claimed a case entered at a registration point (POST /applications/claim): the
 * platform's notices from now on name its account, so they reach the family.
 */
export const caseClaimedSignal = defineSignal<[{ readonly ownerSub: string }]>('caseClaimed');

/** A family asks for a review of its rejection or placement (domain/appeals.ts). */
export interface AppealFiled {
  readonly actor: string;
  readonly reason: string;
}

/** A county reviewer's answer to the appeal. */
export type AppealDecided = Readonly<AppealDecisionFields> & { readonly reviewerId: string };

export const fileAppealUpdate = defineUpdate<TransitionResult, [AppealFiled]>('fileAppeal');
export const decideAppealUpdate = defineUpdate<TransitionResult, [AppealDecided]>('decideAppeal');

/**
 * The child applies again after its case ended without a place (withdrawn, rejected, expired,
 * cancelled). A run still open blocks the new case, which takes the same workflow id: a
 * rejection's appeal period ends unused, and notices the platform has not taken yet go on in a
 * run of their own (workflows/case-notices.ts), so the old run closes now.
 */
export interface AppliedAgain {
  readonly actor: string;
}

// Its wire name is what it did first (end a rejection's appeal period): recorded runs hold it.
export const applyAgainUpdate = defineUpdate<void, [AppliedAgain]>('waiveAppeal');
