import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/paths';
import type { Sample } from '../../test/support/prometheus';
import { apiRuntimeLine, type ApiRuntime } from './api-runtime';
import { loadChartSvg, type LoadSample } from './load-chart';
import { dipAndRecovery, type FaultKind, type FaultRecord } from './load-faults';
import type { BarePhase } from './load-bare';
import type { lossAudit } from './loss-audit';

/** One request of bench:load, as its client saw it. */
export interface Outcome {
  readonly status: number | 'timeout' | 'error';
  readonly ms: number;
  /** Epoch ms. */
  readonly sentAt: number;
  readonly applicationNo?: string;
  readonly workflowId?: string;
}

/** What the sending showed (sendingReport). */
export interface SendingFigures {
  readonly run: {
    readonly rate: number;
    readonly seconds: number;
    readonly workers: number;
    readonly workerNice: number;
    readonly engine: string;
    readonly label: string;
    readonly faults: readonly FaultKind[];
    /** No worker ran while sending (BENCH_PEAK_PAUSED). */
    readonly peakPaused: boolean;
  };
  readonly outcomes: readonly Outcome[];
  readonly sentFor: number;
  /** CPU seconds each group of processes used while the requests were sent (cpu.ts). */
  readonly cpu: ReadonlyMap<string, number>;
  /** The API's submission stages from its /metrics (submissionStages). */
  readonly stages: readonly Stage[];
  /** The API's event loop and garbage collector over the sending (apiRuntime). */
  readonly runtime: ApiRuntime;
  /** The bare engine at the same rate, before the API (BENCH_BARE=1), and its workflows' shape. */
  readonly bare?: {
    readonly phase: BarePhase;
    readonly activities: number;
    readonly workers: number;
  };
}

/** The whole run: the sending and what the drain after it showed. */
export interface LoadReport extends SendingFigures {
  readonly audit: Awaited<ReturnType<typeof lossAudit>>;
  readonly samples: readonly LoadSample[];
  readonly faultRecords: readonly FaultRecord[];
  /** Seconds after the first request at which each accepted submission was sent. */
  readonly acceptedAt: readonly number[];
  /** Cases the API started whose request was not answered 201, and their own audit. */
  readonly unanswered: { readonly count: number; readonly problems: readonly string[] };
}

const percentile = (values: readonly number[], p: number) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const auditLine = (problems: readonly string[]) =>
  problems.length === 0
    ? 'passed'
    : `FAILED (${problems.length}): ${problems.slice(0, 5).join('; ')}`;

const outDir = () => join(projectRoot(), '.data', 'bench-load');

/**
 * Each service process's output, kept in .data/bench-load/logs/ (replaced by the next run), to
 * read what a refusal or a failure under load was.
 */
export async function keepServiceLogs(
  services: readonly { name: string; output: string }[],
): Promise<void> {
  const dir = join(outDir(), 'logs');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const { name, output } of services) await writeFile(join(dir, `${name}.log`), output);
  process.stdout.write(`  service logs: ${dir}\n`);
}

/** The backlog as CSV and as a chart (SVG) in .data/bench-load/, the figures on standard output. */
export async function writeLoadReport(report: LoadReport): Promise<void> {
  const { run, samples, faultRecords } = report;
  await mkdir(outDir(), { recursive: true });
  const name = `backlog-${run.engine}-${run.rate}per-s-${run.seconds}s${run.faults.length ? '-faults' : ''}`;
  const csv = join(outDir(), `${name}.csv`);
  const rows = samples.map((s) => `${s.at},${s.submitted},${s.verifying},${s.reviewed}`);
  await writeFile(csv, `seconds,submitted,verifying,awaiting_review\n${rows.join('\n')}\n`);
  const chart = join(outDir(), `${name}.svg`);
  const title = `bench:load ${run.rate}/s, ${run.label}`;
  await writeFile(chart, loadChartSvg(title, samples, faultRecords));
  process.stdout.write(`${drainFigures(report, `${csv}, ${chart}`).join('\n')}\n`);
}

/**
 * What the sending showed, printed as soon as it ends (the drain after it may take many minutes):
 * status codes, latency, CPU, the API's stages, and the ratios to the bare engine.
 */
export function sendingReport(report: SendingFigures): string {
  const { run, outcomes, sentFor } = report;
  const codes = new Map<string, number>();
  for (const o of outcomes) codes.set(String(o.status), (codes.get(String(o.status)) ?? 0) + 1);
  const accepted = outcomes.filter((o) => o.status === 201);
  const latency = accepted.map((o) => o.ms);
  const lines = [
    `open loop ${run.rate}/s for ${run.seconds} s (${outcomes.length} sent in ${sentFor.toFixed(0)} s), API, ${run.workers} workers${run.workerNice ? ` (nice ${run.workerNice})` : ''}${run.peakPaused ? ' started when the sending ends' : ''} and simulator (~50 ms) as separate processes, ${run.label}`,
    `  status codes: ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}; accepted ${(accepted.length / run.seconds).toFixed(1)}/s`,
    `  submit latency (accepted) ms: p50 ${percentile(latency, 50).toFixed(0)}  p95 ${percentile(latency, 95).toFixed(0)}  p99 ${percentile(latency, 99).toFixed(0)}  max ${Math.max(...latency).toFixed(0)}`,
    cpuLine(report.cpu, accepted.length, sentFor, 'accepted submission'),
    stagesLine(report.stages),
    apiRuntimeLine(report.runtime, sentFor),
    tailOverTimeLine(accepted, run.seconds),
  ];
  const bare = report.bare?.phase.latencies;
  if (bare)
    lines.push(
      `  ours / bare: accepted ${(accepted.length / Math.max(1, bare.length)).toFixed(2)}, latency p50 ${(percentile(latency, 50) / percentile(bare, 50)).toFixed(2)}, p99 ${(percentile(latency, 99) / percentile(bare, 99)).toFixed(2)}`,
    );
  return `${lines.join('\n')}\n`;
}

/**
 * The tail in ten windows of the sending: whether slow submissions grow with the run (a backlog's
 * cost) or come in bursts (a checkpoint, a pause), which one p99 over the whole run cannot tell.
 */
function tailOverTimeLine(accepted: readonly Outcome[], seconds: number): string {
  if (!accepted.length) return '  submit p99 over time: none accepted';
  const windowS = Math.max(1, Math.ceil(seconds / 10));
  // Not Math.min(...): an hour at the peak is more arguments than a call may take.
  const first = accepted.reduce((min, o) => Math.min(min, o.sentAt), Infinity);
  const windows: number[][] = [];
  for (const o of accepted) {
    const i = Math.min(9, Math.floor((o.sentAt - first) / 1000 / windowS));
    (windows[i] ??= []).push(o.ms);
  }
  const cells = [...windows].map((w = []) =>
    w.length ? `${percentile(w, 99).toFixed(0)} (${w.filter((ms) => ms > 300).length})` : '-',
  );
  return `  submit p99 per ${windowS} s, ms (accepted over 300 ms): ${cells.join('  ')}`;
}

/** What the drain showed: time to review, the backlog, the loss audit, the faults. */
function drainFigures(report: LoadReport, files: string): string[] {
  const { run, outcomes, audit, samples, faultRecords, acceptedAt, unanswered } = report;
  const accepted = outcomes.filter((o) => o.status === 201);
  const peak = Math.max(0, ...samples.map((x) => x.submitted + x.verifying));
  const lines = [
    `  time to AWAITING_REVIEW ms: p50 ${percentile(audit.toReview, 50).toFixed(0)}  p99 ${percentile(audit.toReview, 99).toFixed(0)}; peak backlog (SUBMITTED+VERIFYING) ${peak}; ${files}`,
    `  loss audit of ${accepted.length} accepted: ${auditLine(audit.problems)}`,
  ];
  for (const fault of faultRecords)
    lines.push(`  fault: ${dipAndRecovery(fault, acceptedAt, samples)}`);
  if (run.faults.length || unanswered.count)
    lines.push(
      `  cases started without a 201 answer: ${unanswered.count}; their audit: ${auditLine(unanswered.problems)}`,
    );
  return lines;
}

/**
 * The bare engine's phase (printed as soon as it ends): what Temporal alone answers at the same
 * rate on the same machine.
 */
export function bareReport(
  run: SendingFigures['run'],
  { phase: bare, activities, workers }: NonNullable<SendingFigures['bare']>,
): string {
  const ok = bare.latencies;
  const lines = [
    `bare engine first, open loop ${run.rate}/s for ${run.seconds} s (${bare.sent} starts in ${bare.sentFor.toFixed(0)} s), client straight to Temporal (no API, no read model, no codec), workflows of ${activities} no-op activities on ${workers} worker processes${run.workerNice ? ` (nice ${run.workerNice})` : ''}, ${run.label}`,
    `  starts: ${ok.length} succeeded, ${bare.failed} failed; latency ms: p50 ${percentile(ok, 50).toFixed(0)}  p95 ${percentile(ok, 95).toFixed(0)}  p99 ${percentile(ok, 99).toFixed(0)}  max ${Math.max(...ok).toFixed(0)}`,
    `  bare workflows completed by the end of the sending: ${bare.completed} (${(bare.completed / bare.sentFor).toFixed(1)}/s)`,
    cpuLine(bare.cpu, ok.length, bare.sentFor, 'start'),
  ];
  return `${lines.join('\n')}\n`;
}

/** One stage of the API's submissions, as its histogram has it. */
export interface Stage {
  readonly stage: string;
  readonly count: number;
  readonly seconds: number;
  /** The 99th percentile in seconds, read from the histogram's buckets (as histogram_quantile). */
  readonly p99: number;
}

/** The API's own account of its submissions' stages (gx_enrolment_submission_stage_duration_seconds). */
export function submissionStages(samples: readonly Sample[]): Stage[] {
  const metric = 'gx_enrolment_submission_stage_duration_seconds';
  const of = (suffix: string, stage: string) =>
    samples.find((x) => x.name === `${metric}_${suffix}` && x.labels.stage === stage)?.value ?? 0;
  const bucketsOf = (stage: string) =>
    samples
      .filter((x) => x.name === `${metric}_bucket` && x.labels.stage === stage)
      .map((x) => ({ le: Number(x.labels.le), count: x.value }));
  return samples
    .filter((x) => x.name === `${metric}_count`)
    .map(({ labels }) => labels.stage!)
    .map((stage) => ({
      stage,
      count: of('count', stage),
      seconds: of('sum', stage),
      p99: bucketQuantile(bucketsOf(stage), 0.99),
    }));
}

/**
 * A quantile from cumulative histogram buckets, interpolated linearly inside the bucket it falls
 * in, as Prometheus' histogram_quantile does: as coarse as the buckets are.
 */
export function bucketQuantile(
  buckets: readonly { readonly le: number; readonly count: number }[],
  q: number,
): number {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted.at(-1)?.count ?? 0;
  if (total === 0) return NaN;
  const rank = q * total;
  let below = { le: 0, count: 0 };
  for (const bucket of sorted) {
    if (bucket.count >= rank) {
      // Past the last finite bound nothing can be interpolated: its lower bound is all we know.
      if (!Number.isFinite(bucket.le)) return below.le;
      const share = (rank - below.count) / Math.max(bucket.count - below.count, 1e-9);
      return below.le + (bucket.le - below.le) * share;
    }
    below = bucket;
  }
  return below.le;
}

/** Where the submissions' time went, most first: each stage's mean and its share of the whole. */
function stagesLine(stages: readonly Stage[]): string {
  const total = stages.reduce((sum, s) => sum + s.seconds, 0);
  const each = [...stages]
    .sort((x, y) => y.seconds - x.seconds)
    .map(
      (s) =>
        `${s.stage} ${((s.seconds * 1000) / Math.max(1, s.count)).toFixed(1)} (${((100 * s.seconds) / Math.max(total, 1e-9)).toFixed(0)} %, p99 ≈ ${(s.p99 * 1000).toFixed(0)})`,
    );
  return `  submission stages (the API's /metrics), mean ms, share and p99 from the buckets: ${each.join(', ')}`;
}

/** Where the machine's CPU went while sending, per accepted request: what one costs. */
function cpuLine(
  cpu: ReadonlyMap<string, number>,
  accepted: number,
  sentFor: number,
  unit: string,
): string {
  const total = [...cpu.values()].reduce((sum, s) => sum + s, 0);
  const groups = [...cpu]
    .filter(([, seconds]) => seconds >= total / 100)
    .sort((x, y) => y[1] - x[1])
    .map(([group, seconds]) => `${group} ${((seconds * 1000) / Math.max(1, accepted)).toFixed(1)}`);
  return (
    `  CPU while sending, ms per ${unit}: ${groups.join(', ')}; ` +
    `all processes ${(total / sentFor).toFixed(2)} of ${availableParallelism()} cores`
  );
}
