import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import type { Principal } from '../../domain/principal';
import { CurrentPrincipal, RequestId, Roles } from '../auth/auth.decorators';
import {
  BulkCloseDto,
  BulkCloseOutcomeDto,
  BulkResetOutcomeDto,
  BulkRetryOutcomeDto,
  CaseInspectionDto,
  CloseOutcomeDto,
  ProblemCountsDto,
  ReplayVerdictDto,
  ResetOutcomeDto,
  RetryOutcomeDto,
  StuckCasesPageDto,
  BulkResetDto,
  BulkRetryDto,
  CloseDto,
  ProblemCountsQueryDto,
  ResetDto,
  RetryDto,
  StuckCasesQueryDto,
} from './dto';
import { OperationsService } from './operations.service';

@ApiTags('operations')
@ApiBearerAuth()
@Roles('OPERATOR', 'CITY_ADMIN', 'REGION_ADMIN')
@Controller('ops')
export class OperationsController {
  constructor(private readonly ops: OperationsService) {}

  @Get('cases')
  @ZodResponse({ status: 200, type: StuckCasesPageDto })
  @ApiOperation({
    summary:
      'Running cases by status, county, stage, overdue and problem (failing activity, failing workflow task, long in state); paged',
  })
  find(@Query() query: StuckCasesQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.ops.find(principal, query);
  }

  @Get('counts')
  @ZodResponse({ status: 200, type: ProblemCountsDto })
  @ApiOperation({ summary: 'Cases per status, and running cases per problem' })
  counts(@Query() query: ProblemCountsQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.ops.counts(principal, query);
  }

  @Get('cases/:applicationNo')
  @ZodResponse({ status: 200, type: CaseInspectionDto })
  @ApiOperation({
    summary:
      'One case: timeline, evidence, pending activities, history in steps, Web UI link, audit',
  })
  inspect(
    @Param('applicationNo') applicationNo: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.ops.inspect(applicationNo, { principal, requestId });
  }

  @Get('cases/:applicationNo/history')
  @ApiOkResponse({
    description: "Temporal's history JSON, as a download",
    content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
  })
  @ApiOperation({ summary: "Export the case's Temporal history as JSON (audited)" })
  async exportHistory(
    @Param('applicationNo') applicationNo: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
    @Res() res: Response,
  ) {
    const { fileName, json } = await this.ops.exportHistory(applicationNo, {
      principal,
      requestId,
    });
    res
      .status(200)
      .type('application/json')
      .setHeader('content-disposition', `attachment; filename="${fileName}"`)
      .send(json);
  }

  @Post('cases/:applicationNo/replay')
  @ZodResponse({ status: 200, type: ReplayVerdictDto })
  @ApiOperation({ summary: "Replay the case's history against the current workflow code" })
  replay(
    @Param('applicationNo') applicationNo: string,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.ops.replay(applicationNo, { principal, requestId });
  }

  @Post('cases/:applicationNo/retry')
  @ZodResponse({ status: 200, type: RetryOutcomeDto })
  @ApiOperation({ summary: 'Run failing activities (checks) again now, from attempt 1' })
  retry(
    @Param('applicationNo') applicationNo: string,
    @Body() body: RetryDto,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.ops.retry(applicationNo, { principal, requestId }, body);
  }

  @Post('cases/:applicationNo/reset')
  @ZodResponse({ status: 200, type: ResetOutcomeDto })
  @ApiOperation({
    summary:
      "Go back to a step and deliver a decision or supplement; people's later decisions are re-applied, the code's work is redone",
  })
  reset(
    @Param('applicationNo') applicationNo: string,
    @Body() body: ResetDto,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.ops.reset(applicationNo, { principal, requestId }, body);
  }

  @Post('cases/:applicationNo/cancel')
  @ZodResponse({ status: 200, type: CloseOutcomeDto })
  @ApiOperation({ summary: 'Close the case as CANCELLED through its workflow (family told)' })
  cancel(
    @Param('applicationNo') applicationNo: string,
    @Body() body: CloseDto,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.ops.cancel(applicationNo, { principal, requestId }, body);
  }

  @Post('cases/:applicationNo/terminate')
  @ZodResponse({ status: 200, type: CloseOutcomeDto })
  @ApiOperation({
    summary: 'Stop the run at once (no workflow code runs), e.g. a stuck workflow task',
  })
  terminate(
    @Param('applicationNo') applicationNo: string,
    @Body() body: CloseDto,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    return this.ops.terminate(applicationNo, { principal, requestId }, body);
  }

  @Post('bulk/retry')
  @ZodResponse({ status: 200, type: BulkRetryOutcomeDto })
  @ApiOperation({ summary: 'Retry failing activities of many cases (dryRun lists them)' })
  bulkRetry(
    @Body() body: BulkRetryDto,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    const { applicationNos, ...request } = body;
    return this.ops.bulk(applicationNos, (no) =>
      this.ops.retry(no, { principal, requestId }, request),
    );
  }

  @Post('bulk/reset')
  @ZodResponse({ status: 200, type: BulkResetOutcomeDto })
  @ApiOperation({ summary: 'Reset many cases to a status (dryRun lists each plan)' })
  bulkReset(
    @Body() body: BulkResetDto,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    const { applicationNos, ...request } = body;
    return this.ops.bulk(applicationNos, (no) =>
      this.ops.reset(no, { principal, requestId }, request),
    );
  }

  @Post('bulk/cancel')
  @ZodResponse({ status: 200, type: BulkCloseOutcomeDto })
  @ApiOperation({ summary: 'Cancel many cases (dryRun lists them)' })
  bulkCancel(
    @Body() body: BulkCloseDto,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    const { applicationNos, ...request } = body;
    return this.ops.bulk(applicationNos, (no) =>
      this.ops.cancel(no, { principal, requestId }, request),
    );
  }

  @Post('bulk/terminate')
  @ZodResponse({ status: 200, type: BulkCloseOutcomeDto })
  @ApiOperation({ summary: 'Terminate many cases (dryRun lists them)' })
  bulkTerminate(
    @Body() body: BulkCloseDto,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
  ) {
    const { applicationNos, ...request } = body;
    return this.ops.bulk(applicationNos, (no) =>
      this.ops.terminate(no, { principal, requestId }, request),
    );
  }
}
