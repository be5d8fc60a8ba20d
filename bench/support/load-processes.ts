import type { ServiceProcess } from '../../test/support/worker-process';

/** bench:load's processes: how a held worker is tuned, and whose CPU is whose. */

/** A worker held to `slots` (the worker refuses fewer than 2 workflow-task slots with a cache). */
export function heldTuning(slots: number): Record<string, string> {
  return {
    WORKER_MAX_CONCURRENT_ACTIVITIES: String(slots),
    WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: String(Math.max(2, slots)),
  };
}

/** The engine's processes by their executables' names (the server's Go binary is `server`). */
export const ENGINE_COMMANDS = new Map([
  ['server', 'Temporal server'],
  ['temporal', 'Temporal dev server'],
  ['postgres', 'PostgreSQL'],
]);

/** The bench's own process and each service's, by role (the workers together). */
export function serviceNames(
  processes: readonly { name: string; service: ServiceProcess }[],
): Map<number, string> {
  const named = new Map<number, string>([[process.pid, 'bench client']]);
  for (const { name, service } of processes)
    if (service.child.pid) named.set(service.child.pid, name.replace(/-\d+$/, ''));
  return named;
}
