import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';

/**
 * The faults of a load run (issue 18 item 5): a worker killed (SIGKILL, then started again), the
 * Temporal server restarted, PostgreSQL restarted (the one cluster that holds the read model and
 * Temporal's own databases). Each happens once, spread evenly over the sending period, and only
 * once enough cases are in flight that a loss would show.
 */
export const FAULT_KINDS = ['worker', 'temporal', 'postgres'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRecord {
  readonly kind: FaultKind;
  /** Seconds after the first request when the fault began. */
  readonly at: number;
  /** How long until the killed or restarted part was back (started, serving, accepting). */
  readonly downMs: number;
  /** Cases submitted but not yet verified when it began. */
  readonly inFlight: number;
}

export interface FaultTargets {
  killWorker(): Promise<void>;
  restartTemporal?: () => Promise<void>;
  /** SUBMITTED + VERIFYING in the read model (-1: not known yet). */
  inFlight(): number;
}

/** BENCH_FAULTS: a comma-separated list of FAULT_KINDS, `all`, or empty (no faults). */
export function faultKinds(value = process.env.BENCH_FAULTS ?? ''): FaultKind[] {
  if (value.trim() === '') return [];
  if (value.trim() === 'all') return [...FAULT_KINDS];
  const kinds = value.split(',').map((k) => k.trim());
  const unknown = kinds.filter((k) => !(FAULT_KINDS as readonly string[]).includes(k));
  if (unknown.length)
    throw new Error(`BENCH_FAULTS: ${unknown.join(', ')} unknown; use ${FAULT_KINDS.join(', ')}`);
  return kinds as FaultKind[];
}

/**
 * Runs each fault once: the i-th of n at (i + 1) / (n + 1) of the sending period, or later if
 * fewer than `minInFlight` cases are in flight then (waiting at most until the period ends).
 */
export async function runFaults(
  kinds: readonly FaultKind[],
  targets: FaultTargets,
  { began, seconds, minInFlight = 50 }: { began: number; seconds: number; minInFlight?: number },
): Promise<FaultRecord[]> {
  const records: FaultRecord[] = [];
  for (const [i, kind] of kinds.entries()) {
    const due = began + ((i + 1) * seconds * 1000) / (kinds.length + 1);
    if (due > performance.now()) await delay(due - performance.now());
    const inFlight = await enoughInFlight(targets, minInFlight, began + seconds * 1000);
    const at = (performance.now() - began) / 1000;
    const t0 = performance.now();
    await inject(kind, targets);
    records.push({ kind, at, downMs: performance.now() - t0, inFlight });
  }
  return records;
}

async function inject(kind: FaultKind, targets: FaultTargets): Promise<void> {
  if (kind === 'worker') return targets.killWorker();
  if (kind === 'postgres') return restartPostgres();
  if (!targets.restartTemporal)
    throw new Error('the dev server cannot be restarted: BENCH_ENGINE=server');
  return targets.restartTemporal();
}

/** The count in flight once it reaches `min` (or whatever it is at `until`). */
async function enoughInFlight(targets: FaultTargets, min: number, until: number): Promise<number> {
  for (;;) {
    const n = targets.inFlight();
    if (n >= min || performance.now() >= until) return n;
    await delay(500);
  }
}

const run = promisify(execFile);

/**
 * The machine's cluster (Debian's pg_ctlcluster, as the machine starts it), restarted with a fast
 * shutdown: every open connection is cut, as a crash or a failover would cut it.
 */
async function restartPostgres(): Promise<void> {
  const [version] = readdirSync('/etc/postgresql');
  if (!version) throw new Error('no PostgreSQL cluster in /etc/postgresql');
  await run('pg_ctlcluster', [
    '--skip-systemctl-redirect',
    version,
    'main',
    'restart',
    '-m',
    'fast',
  ]);
  const deadline = performance.now() + POSTGRES_READY_MS;
  while (performance.now() < deadline) {
    const ready = await run('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']).then(
      () => true,
      () => false,
    );
    if (ready) return;
    await delay(200);
  }
  throw new Error(
    `PostgreSQL not accepting connections ${POSTGRES_READY_MS / 1000} s after its restart`,
  );
}

/** Seconds before and after each fault, for the report's dip and recovery. */
const WINDOW_S = 30;

/** How long a restarted cluster may take to accept connections before the run gives up. */
const POSTGRES_READY_MS = 120_000;

/**
 * Per fault: submissions accepted a second, and cases reaching AWAITING_REVIEW a second, in the
 * window before it, the window after it, and the window after that (the recovery).
 */
export function dipAndRecovery(
  record: FaultRecord,
  acceptedAt: readonly number[],
  reviewedTotals: readonly { at: number; reviewed: number }[],
): string {
  const windows = [-WINDOW_S, 0, WINDOW_S].map((start) => [
    record.at + start,
    record.at + start + WINDOW_S,
  ]);
  const accepted = windows.map(
    ([from, to]) => acceptedAt.filter((t) => t >= from! && t < to!).length / WINDOW_S,
  );
  const reviewed = windows.map(([from, to]) => reviewedRate(reviewedTotals, from!, to!));
  const fmt = (xs: number[]) => xs.map((x) => (Number.isNaN(x) ? '–' : x.toFixed(1))).join(' → ');
  return (
    `${record.kind} at ${record.at.toFixed(0)} s with ${record.inFlight} in flight, back in ${(record.downMs / 1000).toFixed(1)} s; ` +
    `accepted/s ${fmt(accepted)}; reviewed/s ${fmt(reviewed)} (${WINDOW_S} s before, after, after that)`
  );
}

/** Cases a second reaching AWAITING_REVIEW between two sample times (NaN without samples). */
function reviewedRate(
  totals: readonly { at: number; reviewed: number }[],
  from: number,
  to: number,
): number {
  const inside = totals.filter((s) => s.at >= from && s.at <= to);
  if (inside.length < 2) return NaN;
  const first = inside[0]!;
  const last = inside[inside.length - 1]!;
  return last.at > first.at ? (last.reviewed - first.reviewed) / (last.at - first.at) : NaN;
}
