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

/** The workflow that hands a published warning to the platform (桂通办) for the public. */
export const WARNING_PUBLICATION_WORKFLOW_TYPE = 'relayWarningPublication';

/**
 * What the platform is told when a bureau publishes its warnings: the public summary only (the
 * same items GET /public/counties/:county/warnings shows), never a family's data. The delivery id
 * names the county, stage, season and version, so the platform drops a repeated delivery.
 */
export interface WarningPublicationNotice {
  readonly deliveryId: string;
  readonly kind: 'WARNINGS_PUBLISHED';
  readonly countyCode: string;
  readonly stage: string;
  readonly seasonYear: number;
  readonly version: number;
  readonly publishedAt: string;
  readonly items: readonly {
    readonly schoolId: string;
    readonly schoolName: string;
    readonly level: WarningLevel;
    readonly summaryZh: string;
    readonly summaryEn: string;
  }[];
}

export type WarningPublicationWorkflow = (notice: WarningPublicationNotice) => Promise<void>;

/** The notice of one publication, from the public answer's fields; its relay's workflow id. */
export function warningPublicationNotice(
  countyCode: string,
  publication: Omit<WarningPublicationNotice, 'deliveryId' | 'kind' | 'countyCode'>,
): WarningPublicationNotice {
  const { stage, seasonYear, version, publishedAt } = publication;
  return {
    deliveryId: `warning-publication/${countyCode}/${stage}/${seasonYear}/v${version}`,
    kind: 'WARNINGS_PUBLISHED',
    countyCode,
    stage,
    seasonYear,
    version,
    publishedAt,
    items: publication.items.map(({ schoolId, schoolName, level, summaryZh, summaryEn }) => ({
      schoolId,
      schoolName,
      level,
      summaryZh,
      summaryEn,
    })),
  };
}

export interface EarlyWarningActivities {
  listWarningCounties(): Promise<string[]>;
  /** Pulls a county's school-age population for a date and records it; answers its units. */
  pullPopulation(countyCode: string, asOfDate: string): Promise<number>;
  computeWarnings(countyCode: string, asOf: string): Promise<CountyWarningReport>;
  /** Tells the platform of a publication; the delivery id makes a retried one harmless. */
  relayWarningPublication(notice: WarningPublicationNotice): Promise<void>;
}
