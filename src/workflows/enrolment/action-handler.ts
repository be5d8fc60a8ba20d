import { setHandler } from '@temporalio/workflow';
import type { TransitionResult, UpdateDefinition } from '../../contract';
import type { EnrolmentCase } from './case-state';

/**
 * A person's action on the case (a reviewer's decision, a family's answer): refused before it is
 * accepted when the case's state does not allow it, so a refused action leaves no trace in the
 * history. One that arrives while the case is still recording its own last step (the status a
 * supplement moved it to, a round's result) is accepted and waits for that step, then is checked
 * again: a person gets a 409 only when the action is no longer possible, never because they were
 * quick, and never because the machine was slow to record.
 */
export function handleAction<Args extends unknown[]>(
  c: EnrolmentCase,
  update: UpdateDefinition<TransitionResult, Args>,
  check: (...args: Args) => void,
  work: (...args: Args) => Promise<void>,
): void {
  setHandler(
    update,
    (...args: Args) =>
      c.actWhenFree(
        () => check(...args),
        () => work(...args),
      ),
    // While the case is busy its state is mid-step (a round's ADMITTED is set before its place):
    // the handler checks once the step is done.
    { validator: (...args: Args) => (c.busy ? undefined : check(...args)) },
  );
}
