// The workflow bundle's entry: only workflow functions are exported from here.
export { enrolmentApplication } from './enrolment-application';
