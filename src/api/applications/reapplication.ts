import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { waiveAppealUpdate } from '../../contract';
import { actorOf } from '../../domain/principal';
import type { CallerContext } from '../auth/caller';
import { TEMPORAL_CLIENT } from '../injection-tokens';

/** How long a re-application waits for the rejected case's run to close after the waiver. */
const CLOSE_DEADLINE_MS = 30_000;

/**
 * A child applying again after a rejection. The rejected case's run stays open for the county's
 * appeal period (domain/appeals.ts), and a running case blocks a new one with the same workflow
 * id; applying again is the family's choice not to appeal, so the period ends here, unused.
 */
@Injectable()
export class Reapplication {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  /**
   * Ends the open appeal period of the child's rejected case and waits for its run to close.
   * Returns false when the run stays: an appeal is on file (or the run refused for another
   * reason), which makes the new submission a duplicate of a live case.
   */
  async endAppealPeriod(workflowId: string, caller: CallerContext): Promise<boolean> {
    const handle = this.temporal.workflow.getHandle(workflowId);
    try {
      const { status } = await handle.describe();
      if (status.name !== 'RUNNING') return true;
      await handle.executeUpdate(waiveAppealUpdate, {
        args: [{ actor: actorOf(caller.principal) }],
      });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return true;
      if (error instanceof WorkflowUpdateFailedError) return false;
      throw error;
    }
    return this.closed(handle.result());
  }

  /** Whether the run closed within the deadline (its outcome is the old case's own business). */
  private async closed(result: Promise<unknown>): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), CLOSE_DEADLINE_MS);
    });
    try {
      return await Promise.race([
        result.then(
          () => true as const,
          () => true as const,
        ),
        deadline,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
