import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { CONSOLE_READER_ROLES, OPERATIONS_ROLES } from '../../domain/case-access';
import type { Principal } from '../../domain/principal';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Caller, type CallerContext } from '../auth/caller';
import {
  ProblemCountsDto,
  ProblemCountsQueryDto,
  StuckCasesPageDto,
  StuckCasesQueryDto,
} from './dto/find';
import { CaseInspectionDto, ConsoleReadQueryDto, ReplayVerdictDto } from './dto/inspection';
import {
  BulkCloseDto,
  BulkCloseOutcomeDto,
  BulkResetDto,
  BulkResetOutcomeDto,
  BulkRetryDto,
  BulkRetryOutcomeDto,
  CloseDto,
  CloseOutcomeDto,
  ResetDto,
  ResetOutcomeDto,
  RetryDto,
  RetryOutcomeDto,
} from './dto/repair';
import { bulk } from './bulk';
import { CaseClosingService } from './case-closing.service';
import { CaseFinderService } from './case-finder.service';
import { CaseInspectionService } from './case-inspection.service';
import { CaseRepairService } from './case-repair.service';
import { RateClassOf } from '../limits/rate-limit';
import { AuditObject, AuditRead } from '../audit/audited';

/** Operators and administrators read and repair; auditors read only (a repair is 403 for them). */
const Repairers = () => Roles(...OPERATIONS_ROLES);

@ApiTags('operations')
@ApiBearerAuth()
@Roles(...CONSOLE_READER_ROLES)
@RateClassOf('ops')
@AuditObject('application')
@Controller('ops')
export class ConsoleController {
  constructor(
    private readonly finder: CaseFinderService,
    private readonly inspection: CaseInspectionService,
    private readonly repair: CaseRepairService,
    private readonly closing: CaseClosingService,
  ) {}

  @Get('cases')
  @AuditRead()
  @ZodResponse({ status: 200, type: StuckCasesPageDto })
  @ApiOperation({
    summary:
      'Running cases by status, county, stage, overdue and problem (failing activity, failing workflow task, long in state); paged',
  })
  find(@Query() query: StuckCasesQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.finder.find(principal, query);
  }

  @Get('counts')
  @ZodResponse({ status: 200, type: ProblemCountsDto })
  @ApiOperation({ summary: 'Cases per status, and running cases per problem' })
  counts(@Query() query: ProblemCountsQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.finder.counts(principal, query);
  }

  @Get('cases/:applicationNo')
  @AuditRead()
  @ZodResponse({ status: 200, type: CaseInspectionDto })
  @ApiOperation({
    summary:
      'One case: timeline, evidence, pending activities, history in steps, Web UI link, audit; personal data masked unless an AUDITOR asks (audited)',
  })
  inspect(
    @Param('applicationNo') applicationNo: string,
    @Query() query: ConsoleReadQueryDto,
    @Caller() caller: CallerContext,
  ) {
    return this.inspection.inspect(applicationNo, caller, query);
  }

  @Get('cases/:applicationNo/history')
  @AuditRead()
  @ApiOkResponse({
    description: "Temporal's history JSON, as a download",
    content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
  })
  @ApiOperation({
    summary:
      "Export the case's Temporal history as JSON (audited); personal data masked unless an AUDITOR asks",
  })
  async exportHistory(
    @Param('applicationNo') applicationNo: string,
    @Query() query: ConsoleReadQueryDto,
    @Caller() caller: CallerContext,
    @Res() res: Response,
  ) {
    const { fileName, json } = await this.inspection.exportHistory(applicationNo, caller, query);
    res
      .status(200)
      .type('application/json')
      .setHeader('content-disposition', `attachment; filename="${fileName}"`)
      .send(json);
  }

  @Post('cases/:applicationNo/replay')
  @ZodResponse({ status: 200, type: ReplayVerdictDto })
  @ApiOperation({ summary: "Replay the case's history against the current workflow code" })
  replay(@Param('applicationNo') applicationNo: string, @Caller() caller: CallerContext) {
    return this.inspection.replay(applicationNo, caller);
  }

  @Post('cases/:applicationNo/retry')
  @Repairers()
  @ZodResponse({ status: 200, type: RetryOutcomeDto })
  @ApiOperation({ summary: 'Run failing activities (checks) again now, from attempt 1' })
  retry(
    @Param('applicationNo') applicationNo: string,
    @Body() body: RetryDto,
    @Caller() caller: CallerContext,
  ) {
    return this.repair.retry(applicationNo, caller, body);
  }

  @Post('cases/:applicationNo/reset')
  @Repairers()
  @ZodResponse({ status: 200, type: ResetOutcomeDto })
  @ApiOperation({
    summary:
      "Go back to a step and deliver a decision or supplement; people's later decisions are re-applied, the code's work is redone",
  })
  reset(
    @Param('applicationNo') applicationNo: string,
    @Body() body: ResetDto,
    @Caller() caller: CallerContext,
  ) {
    return this.repair.reset(applicationNo, caller, body);
  }

  @Post('cases/:applicationNo/cancel')
  @Repairers()
  @ZodResponse({ status: 200, type: CloseOutcomeDto })
  @ApiOperation({ summary: 'Close the case as CANCELLED through its workflow (family told)' })
  cancel(
    @Param('applicationNo') applicationNo: string,
    @Body() body: CloseDto,
    @Caller() caller: CallerContext,
  ) {
    return this.closing.cancel(applicationNo, caller, body);
  }

  @Post('cases/:applicationNo/terminate')
  @Repairers()
  @ZodResponse({ status: 200, type: CloseOutcomeDto })
  @ApiOperation({
    summary: 'Stop the run at once (no workflow code runs), e.g. a stuck workflow task',
  })
  terminate(
    @Param('applicationNo') applicationNo: string,
    @Body() body: CloseDto,
    @Caller() caller: CallerContext,
  ) {
    return this.closing.terminate(applicationNo, caller, body);
  }

  @Post('bulk/retry')
  @Repairers()
  @ZodResponse({ status: 200, type: BulkRetryOutcomeDto })
  @ApiOperation({ summary: 'Retry failing activities of many cases (dryRun lists them)' })
  bulkRetry(@Body() body: BulkRetryDto, @Caller() caller: CallerContext) {
    const { applicationNos, ...request } = body;
    return bulk(applicationNos, (no) => this.repair.retry(no, caller, request));
  }

  @Post('bulk/reset')
  @Repairers()
  @ZodResponse({ status: 200, type: BulkResetOutcomeDto })
  @ApiOperation({ summary: 'Reset many cases to a status (dryRun lists each plan)' })
  bulkReset(@Body() body: BulkResetDto, @Caller() caller: CallerContext) {
    const { applicationNos, ...request } = body;
    return bulk(applicationNos, (no) => this.repair.reset(no, caller, request));
  }

  @Post('bulk/cancel')
  @Repairers()
  @ZodResponse({ status: 200, type: BulkCloseOutcomeDto })
  @ApiOperation({ summary: 'Cancel many cases (dryRun lists them)' })
  bulkCancel(@Body() body: BulkCloseDto, @Caller() caller: CallerContext) {
    const { applicationNos, ...request } = body;
    return bulk(applicationNos, (no) => this.closing.cancel(no, caller, request));
  }

  @Post('bulk/terminate')
  @Repairers()
  @ZodResponse({ status: 200, type: BulkCloseOutcomeDto })
  @ApiOperation({ summary: 'Terminate many cases (dryRun lists them)' })
  bulkTerminate(@Body() body: BulkCloseDto, @Caller() caller: CallerContext) {
    const { applicationNos, ...request } = body;
    return bulk(applicationNos, (no) => this.closing.terminate(no, caller, request));
  }
}
