import { Readable } from 'node:stream';
import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import type { Config } from '../../config/config';
import type { ReportRepository, ReportScope } from '../../db/report-repository';
import { RuleViolationError } from '../../domain/errors';
import { violation } from '../../domain/forms/violations';
import type { Principal } from '../../domain/principal';
import {
  admissionsTable,
  channelsTable,
  demandTable,
  forecastTable,
  reviewTable,
  verificationTable,
  type ReportTable,
  type RoundSchoolSummary,
} from '../../domain/reports/tables';
import { REPORTS, type ReportName } from '../../domain/reports/names';
import { csvLine } from '../audit/csv';
import { requireCountyInScope, stageParam } from '../county-params';
import { API_CONFIG, REPORTS as REPORT_REPOSITORY } from '../injection-tokens';

export interface ReportParams {
  readonly countyCode: string;
  readonly stage: string;
  readonly seasonYear: number;
  readonly report: string;
}

/** The bureau reports (issue 15), for the administrators of the county; aggregates only. */
@Injectable()
export class ReportsService {
  constructor(
    @Inject(REPORT_REPOSITORY) private readonly reports: ReportRepository,
    @Inject(API_CONFIG) private readonly config: Config,
  ) {}

  async report(principal: Principal, params: ReportParams) {
    const { scope, report } = checked(principal, params);
    const table = await this.table(report, scope);
    return { report, ...scope, generatedAt: new Date().toISOString(), ...table };
  }

  /** The same table as CSV: a header line of the Chinese column labels, then the rows. */
  async csv(principal: Principal, params: ReportParams): Promise<StreamableFile> {
    const { scope, report } = checked(principal, params);
    const table = await this.table(report, scope);
    const lines = [
      csvLine(table.columns.map((c) => c.labelZh)),
      ...table.rows.map((row) => csvLine(table.columns.map((c) => row[c.key]))),
    ];
    const name = `${report}-${scope.countyCode}-${scope.stage}-${scope.seasonYear}.csv`;
    return new StreamableFile(Readable.from(lines), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${name}"`,
    });
  }

  private async table(report: ReportName, scope: ReportScope): Promise<ReportTable> {
    switch (report) {
      case 'demand':
        return demandTable(await this.reports.demand(scope));
      case 'channels':
        return channelsTable(await this.reports.channels(scope));
      case 'verification':
        return verificationTable(await this.reports.verification(scope));
      case 'review':
        return reviewTable(
          await this.reports.reviewStays(scope, this.config.REVIEW_SLA_MS, new Date()),
        );
      case 'admissions':
        return this.admissions(scope);
      case 'forecast':
        return this.forecast(scope);
    }
  }

  private async forecast(scope: ReportScope): Promise<ReportTable> {
    const [demand, forecasts] = await Promise.all([
      this.reports.demand(scope),
      this.reports.forecasts(scope),
    ]);
    const bySchool = new Map(forecasts.map((f) => [f.schoolId, f]));
    return forecastTable(
      demand.map((d) => {
        const f = bySchool.get(d.schoolId);
        return {
          ...d,
          forecast: f ? { expected: f.forecast, low: f.forecastLow, high: f.forecastHigh } : null,
        };
      }),
    );
  }

  private async admissions(scope: ReportScope): Promise<ReportTable> {
    const [round, schools] = await Promise.all([
      this.reports.drawnRound(scope),
      this.reports.schoolNames(scope),
    ]);
    const summary = (round?.summary ?? []) as unknown as RoundSchoolSummary[];
    return admissionsTable(summary, new Map(schools.map((s) => [s.id, s.nameZh])));
  }
}

/** The caller's scope covers the county; the report and stage are ones there are. */
function checked(principal: Principal, params: ReportParams) {
  requireCountyInScope(principal, params.countyCode);
  const stage = stageParam(params.stage);
  if (!(REPORTS as readonly string[]).includes(params.report))
    throw new RuleViolationError([violation('report', 'NOT_IN_LIST')]);
  return {
    scope: {
      countyCode: params.countyCode,
      stage,
      seasonYear: params.seasonYear,
    },
    report: params.report as ReportName,
  };
}
