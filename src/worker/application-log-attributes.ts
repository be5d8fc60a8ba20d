import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { isWellFormedApplicationNo } from '../domain/application-number';

/**
 * Puts the case's application number on the log lines of an activity working on one case, so an
 * operator can follow a case through the worker's log. Activities take it either as an argument
 * or inside one (the workflow's input, a notice, a case's notices sent together); the first
 * well-formed one is the case's.
 * Lines logged before the activity's arguments are known ("Activity started") go without it.
 */
export const applicationLogAttributes: ActivityInterceptorsFactory = () => {
  let applicationNo: string | undefined;
  return {
    inbound: {
      execute(input, next) {
        applicationNo = input.args.map(applicationNoOf).find((no) => no !== undefined);
        return next(input);
      },
    },
    outbound: {
      getLogAttributes(attributes, next) {
        return next(applicationNo ? { ...attributes, applicationNo } : attributes);
      },
    },
  };
};

/** The case's application number when `arg` is one or carries one (a list: its first item). */
export function applicationNoOf(arg: unknown): string | undefined {
  if (Array.isArray(arg)) return applicationNoOf(arg[0]);
  const candidate =
    arg !== null && typeof arg === 'object' && 'applicationNo' in arg ? arg.applicationNo : arg;
  return typeof candidate === 'string' && isWellFormedApplicationNo(candidate)
    ? candidate
    : undefined;
}
