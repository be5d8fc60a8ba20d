import type { Db } from '../../src/db/prisma-client';
import { scaled } from './time-scale';

/**
 * Runs `work` while the read model's rows of these cases are locked (SELECT … FOR UPDATE in an
 * open transaction), so every activity that records on them waits: the cases stay busy with a
 * step for as long as `work` takes, however fast or slow the machine is.
 */
export async function whileRowsHeld<T>(
  db: Db,
  numbers: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let markHeld!: () => void;
  const held = new Promise<void>((resolve) => (markHeld = resolve));
  const transaction = db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM application WHERE application_no = ANY(${[...numbers]}) FOR UPDATE`;
      markHeld();
      await released;
    },
    { maxWait: scaled(60_000), timeout: scaled(600_000) },
  );
  try {
    await Promise.race([held, transaction]);
    return await work();
  } finally {
    release();
    await transaction;
  }
}
