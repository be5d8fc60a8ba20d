import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { applyAgainUpdate } from '../../contract';
import { actorOf } from '../../domain/principal';
import type { CallerContext } from '../auth/caller';
import { TEMPORAL_CLIENT } from '../injection-tokens';

/** How long a re-application waits for the old case's run to close once told. */
const CLOSE_DEADLINE_MS = 30_000;

/**
 * A child applying again after its case ended without a place. The new case takes the old one's
 * workflow id, and the old run may still be open: a rejection waits out the county's appeal
 * period (domain/appeals.ts), and any ended case delivers its last notices to the platform first.
 * Applying again is the family's choice not to appeal, so the old run is told and closes.
 */
@Injectable()
export class Reapplication {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly temporal: Client) {}

  /**
   * Tells the child's ended case that the child applied again and waits for its run to close.
   * A run that stays open (an appeal on file, or a new case another request just started) is
   * left alone: starting the new case then fails as a duplicate of whichever case that run is.
   */
  async closePrevious(workflowId: string, caller: CallerContext): Promise<void> {
    const handle = this.temporal.workflow.getHandle(workflowId);
    try {
      const { status } = await handle.describe();
      if (status.name !== 'RUNNING') return;
      await handle.executeUpdate(applyAgainUpdate, {
        args: [{ actor: actorOf(caller.principal) }],
      });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError || error instanceof WorkflowUpdateFailedError)
        return;
      throw error;
    }
    await this.untilClosed(handle.result());
  }

  /** Until the run closed, or the deadline (its outcome is the old case's own business). */
  private async untilClosed(result: Promise<unknown>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CLOSE_DEADLINE_MS);
    });
    try {
      await Promise.race([result.then(nothing, nothing), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}

const nothing = (): void => undefined;
