// The workflow bundle's entry: only workflow functions are exported from here.
export { admissionRound } from './admission-round';
export { enrolmentApplication } from './enrolment-application';
