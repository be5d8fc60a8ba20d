import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds a process and its descendants have used, from /proc (Linux). A comparison of CPU
 * per case holds on a busy machine, where throughput measures the neighbours as much as the code:
 * another process slows the bench's clock, not the work each case costs.
 */

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

interface ProcStat {
  readonly ppid: number;
  /** The executable's name, as the kernel keeps it (15 characters at most). */
  readonly command: string;
  readonly ticks: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state, ppid, …, utime (14), stime (15).
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(fields[1]),
      command: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')),
      ticks: Number(fields[11]) + Number(fields[12]),
    };
  } catch {
    return null; // gone meanwhile
  }
}

/** What every process on the machine had used at one moment, by pid; `cpuSince` bills the change. */
export type CpuSnapshot = ReadonlyMap<number, ProcStat>;

export function cpuSnapshot(): Map<number, ProcStat> {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (stat) stats.set(pid, stat);
  }
  return stats;
}

/** User + system CPU seconds of `root` and every live descendant. */
export function treeCpuSeconds(root: number): number {
  const stats = cpuSnapshot();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let ticks = 0;
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    ticks += stats.get(pid)?.ticks ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return ticks / TICKS_PER_SECOND;
}

/**
 * CPU seconds each group of processes used between a snapshot and now: a pid named in `named`
 * counts under that name, any other under its command, or what `commands` calls it. A process
 * that began meanwhile counts whole; one that ended meanwhile is lost (a PostgreSQL backend of a
 * closed connection), so the bill is a floor.
 */
export function cpuSince(
  before: CpuSnapshot,
  named: ReadonlyMap<number, string>,
  commands: ReadonlyMap<string, string> = new Map(),
): Map<string, number> {
  const bill = new Map<string, number>();
  for (const [pid, now] of cpuSnapshot()) {
    const ticks = now.ticks - (before.get(pid)?.ticks ?? 0);
    if (ticks <= 0) continue;
    const group = named.get(pid) ?? commands.get(now.command) ?? now.command;
    bill.set(group, (bill.get(group) ?? 0) + ticks / TICKS_PER_SECOND);
  }
  return bill;
}
