import { ActivityFailure, log, proxyActivities } from '@temporalio/workflow';
import type {
  Activities,
  CountyWarningReport,
  EarlyWarningInput,
  EarlyWarningReport,
} from '../contract';

const { listWarningCounties, computeWarnings } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// The platform may be down for a night: a few tries, then the county's last figures are used.
const { pullPopulation } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 5,
  },
});

/**
 * Computes the place-shortage warnings (docs/early-warning.md) of the given counties, or of every
 * county with schools, as the nightly Temporal Schedule or a change of places or policy starts
 * it: per county, pull the school-age population for the day, then forecast, grade and record
 * (the level changes go to the outbox). It reports counts only.
 */
export async function earlyWarning(input: EarlyWarningInput = {}): Promise<EarlyWarningReport> {
  const asOf = input.asOf ?? new Date().toISOString();
  const cause = input.cause ?? 'SCHEDULE';
  const counties = input.countyCodes ?? (await listWarningCounties());
  const reports: CountyWarningReport[] = [];
  const stalePopulation: string[] = [];
  for (const countyCode of counties) {
    try {
      await pullPopulation(countyCode, asOf.slice(0, 10));
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      stalePopulation.push(countyCode);
    }
    reports.push(await computeWarnings(countyCode, asOf));
  }
  const report = { asOf, cause, counties: reports, stalePopulation };
  log.info('early warning run', {
    asOf,
    cause,
    counties: reports.length,
    changes: reports.reduce((n, r) => n + r.changes, 0),
    stale: stalePopulation.length,
  });
  return report;
}
