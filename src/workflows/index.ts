// The workflow bundle's entry: only workflow functions are exported from here.
import type { AdmissionRoundWorkflow, EnrolmentApplicationWorkflow } from '../contract';
import { admissionRound } from './admission-round';
import { enrolmentApplication } from './enrolment-application';

export { admissionRound, enrolmentApplication };

// The API starts workflows by the contract's signatures; this fails to compile if one drifts.
type Implements<T extends U, U> = T;
export type CheckedSignatures = [
  Implements<typeof enrolmentApplication, EnrolmentApplicationWorkflow>,
  Implements<typeof admissionRound, AdmissionRoundWorkflow>,
];
