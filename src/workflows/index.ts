// The workflow bundle's entry: only workflow functions are exported from here.
import type {
  AdmissionRoundWorkflow,
  CaseNoticesWorkflow,
  EarlyWarningWorkflow,
  EnrolmentApplicationWorkflow,
  RetentionWorkflow,
  WarningPublicationWorkflow,
} from '../contract';
import { admissionRound } from './admission-round';
import { caseNotices } from './case-notices';
import { earlyWarning } from './early-warning';
import { enrolmentApplication } from './enrolment-application';
import { retention } from './retention';
import { schoolWaitlist } from './school-waitlist';
import { relayWarningPublication } from './warning-publication';

export {
  admissionRound,
  caseNotices,
  earlyWarning,
  enrolmentApplication,
  relayWarningPublication,
  retention,
  schoolWaitlist,
};

// The API starts workflows by the contract's signatures; this fails to compile if one drifts.
type Implements<T extends U, U> = T;
export type CheckedSignatures = [
  Implements<typeof enrolmentApplication, EnrolmentApplicationWorkflow>,
  Implements<typeof admissionRound, AdmissionRoundWorkflow>,
  Implements<typeof retention, RetentionWorkflow>,
  Implements<typeof earlyWarning, EarlyWarningWorkflow>,
  Implements<typeof relayWarningPublication, WarningPublicationWorkflow>,
  Implements<typeof caseNotices, CaseNoticesWorkflow>,
];
