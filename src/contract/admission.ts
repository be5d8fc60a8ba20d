import { defineSignal } from '@temporalio/workflow';
import type { AdmissionNotice } from '../domain/admission-notice';

/** An admission round's result for one case (DESIGN.md §5), delivered once per round. */
export interface AdmissionDelivery {
  readonly roundId: string;
  readonly result: 'ADMITTED' | 'ASSIGNED_BY_BUREAU' | 'NOT_ADMITTED';
  readonly schoolId: string | null;
  /** The school's name (absent in deliveries recorded before it was part of them). */
  readonly schoolName?: string | null;
  readonly explanation: { readonly zh: string; readonly en: string };
  /** The housing certificate the place rests on, locked once the place is taken. */
  readonly housingLock: { readonly certificateNo: string; readonly lockedUntil: string } | null;
  /** A placed child's admission notice: address, reporting time, materials (absent before). */
  readonly notice?: AdmissionNotice | null;
  /** A placed family confirms (报到) or declines by then (absent before confirmation existed). */
  readonly confirmBy?: string | null;
}

export const admissionResultSignal = defineSignal<[AdmissionDelivery]>('admissionResult');

export const ADMISSION_ROUND_WORKFLOW_TYPE = 'admissionRound';

/** The admission round workflow's signature, for typed starts from the API. */
export type AdmissionRoundWorkflow = (
  roundId: string,
  batchSize?: number,
) => Promise<{ roundId: string; delivered: number }>;
