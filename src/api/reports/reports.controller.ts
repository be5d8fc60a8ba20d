import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Principal } from '../../domain/principal';
import { REPORTS } from '../../domain/reports/names';
import { AuditObject } from '../audit/audited';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { ReportDto } from './dto';
import { ReportsService } from './reports.service';

const ROUTE = ':countyCode/:stage/:seasonYear/:report';

/** Bureau reports for the administrators of a county (docs/public-information.md#bureau-reports). */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('CITY_ADMIN', 'REGION_ADMIN')
@AuditObject('report', 'report')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(ROUTE)
  @ZodResponse({ status: 200, type: ReportDto })
  @ApiOperation({
    summary: `A county's report for a stage and season: ${REPORTS.join(', ')} (columns, then rows)`,
  })
  report(
    @Param('countyCode') countyCode: string,
    @Param('stage') stage: string,
    @Param('seasonYear', ParseIntPipe) seasonYear: number,
    @Param('report') report: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.reports.report(principal, { countyCode, stage, seasonYear, report });
  }

  @Get(`${ROUTE}/csv`)
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The same table as CSV: the Chinese column labels, then one line per row',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiOperation({ summary: 'A report as CSV, for a spreadsheet' })
  csv(
    @Param('countyCode') countyCode: string,
    @Param('stage') stage: string,
    @Param('seasonYear', ParseIntPipe) seasonYear: number,
    @Param('report') report: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.reports.csv(principal, { countyCode, stage, seasonYear, report });
  }
}
