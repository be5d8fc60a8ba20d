import type { WarningLevel } from '../domain/forecast/warning-levels';

/** The early-warning workflow (学位预警; docs/early-warning.md). */
export const EARLY_WARNING_WORKFLOW_TYPE = 'earlyWarning';

/** Why a computation runs: the nightly schedule, a change of places or policy, or by hand. */
export type EarlyWarningCause = 'SCHEDULE' | 'PLACES' | 'POLICY' | 'MANUAL';

export interface EarlyWarningInput {
  /** The counties to compute; by default every county with schools. */
  readonly countyCodes?: readonly string[];
  /**
   * The instant the warnings describe (population date, live windows); by default the run's own
   * start. Tests and a re-run of a missed night set it.
   */
  readonly asOf?: string;
  readonly cause?: EarlyWarningCause;
}

/** One county's computation: how many schools and levels, and which levels changed. */
export interface CountyWarningReport {
  readonly countyCode: string;
  /** The date the population figures describe; null when the platform never answered. */
  readonly populationAsOf: string | null;
  readonly schools: number;
  readonly warnings: number;
  readonly levels: Readonly<Record<WarningLevel, number>>;
  /** Level changes, each notified once (the outbox). */
  readonly changes: number;
}

export interface EarlyWarningReport {
  readonly asOf: string;
  readonly cause: EarlyWarningCause;
  readonly counties: readonly CountyWarningReport[];
  /** Counties computed on an older population because the platform did not answer. */
  readonly stalePopulation: readonly string[];
}

export type EarlyWarningWorkflow = (input?: EarlyWarningInput) => Promise<EarlyWarningReport>;

export interface EarlyWarningActivities {
  listWarningCounties(): Promise<string[]>;
  /** Pulls a county's school-age population for a date and records it; answers its units. */
  pullPopulation(countyCode: string, asOfDate: string): Promise<number>;
  computeWarnings(countyCode: string, asOf: string): Promise<CountyWarningReport>;
}
