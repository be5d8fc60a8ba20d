import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Principal } from '../../domain/principal';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Caller, type CallerContext } from '../auth/caller';
import {
  AssessmentVersionsDto,
  BatchApprovalDto,
  BatchApproveDto,
  FactsConfirmedDto,
  OfflineCheckDto,
  QueueQueryDto,
  RepairApprovalDto,
  ReviewCountsDto,
  ReviewDecisionDto,
  ReviewQueuePageDto,
  ReviewTransitionDto,
  SupplementRequestDto,
} from './dto';
import { ReviewService } from './review.service';
import { AuditObject, AuditRead } from '../audit/audited';

@ApiTags('review')
@ApiBearerAuth()
@Roles('REVIEWER')
@AuditObject('application')
@Controller()
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Get('review/queue')
  @AuditRead()
  @ZodResponse({ status: 200, type: ReviewQueuePageDto })
  @ApiOperation({ summary: 'Cases waiting for the reviewer: filter, sort, page by cursor' })
  queue(@Query() query: QueueQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.review.page(principal, query);
  }

  @Get('review/counts')
  @ZodResponse({ status: 200, type: ReviewCountsDto })
  @ApiOperation({
    summary: "Cases per status in the reviewer's counties, and how many are overdue",
  })
  counts(@CurrentPrincipal() principal: Principal, @Query() query: QueueQueryDto) {
    return this.review.counts(principal, query.countyCode);
  }

  @Post('applications/:applicationNo/decision')
  @ZodResponse({ status: 200, type: ReviewTransitionDto })
  @ApiOperation({ summary: 'Approve, or reject with a reason code and words for the family' })
  decide(
    @Param('applicationNo') applicationNo: string,
    @Body() body: ReviewDecisionDto,
    @Caller() caller: CallerContext,
  ) {
    return this.review.decide(applicationNo, caller, body);
  }

  @Post('applications/:applicationNo/repair-approval')
  @ZodResponse({ status: 201, type: RepairApprovalDto })
  @ApiOperation({
    summary:
      'Approve a decision an operator will deliver through the console (separation of duties)',
  })
  approveRepair(
    @Param('applicationNo') applicationNo: string,
    @Body() body: ReviewDecisionDto,
    @Caller() caller: CallerContext,
  ) {
    return this.review.approveRepair(applicationNo, caller, body);
  }

  @Post('applications/:applicationNo/supplement-request')
  @ZodResponse({ status: 200, type: ReviewTransitionDto })
  @ApiOperation({ summary: 'Ask the family for more documents by a deadline' })
  requestSupplement(
    @Param('applicationNo') applicationNo: string,
    @Body() body: SupplementRequestDto,
    @Caller() caller: CallerContext,
  ) {
    return this.review.requestSupplement(applicationNo, caller, body);
  }

  @Post('applications/:applicationNo/offline-check')
  @ZodResponse({ status: 200, type: ReviewTransitionDto })
  @ApiOperation({ summary: 'Record the documents seen at a registration point' })
  confirmOfflineCheck(
    @Param('applicationNo') applicationNo: string,
    @Body() body: OfflineCheckDto,
    @Caller() caller: CallerContext,
  ) {
    return this.review.confirmOfflineCheck(applicationNo, caller, body);
  }

  @Post('applications/:applicationNo/facts')
  @ZodResponse({ status: 200, type: ReviewTransitionDto })
  @ApiOperation({
    summary: "Confirm facts from a supplement's documents, or correct them: a new assessment",
  })
  confirmFacts(
    @Param('applicationNo') applicationNo: string,
    @Body() body: FactsConfirmedDto,
    @Caller() caller: CallerContext,
  ) {
    return this.review.confirmFacts(applicationNo, caller, body);
  }

  @Get('applications/:applicationNo/assessments')
  @AuditRead()
  @ZodResponse({ status: 200, type: AssessmentVersionsDto })
  @ApiOperation({ summary: 'Every assessment of the case: why, on what, with what result' })
  assessments(@Param('applicationNo') applicationNo: string, @Caller() caller: CallerContext) {
    return this.review.assessments(applicationNo, caller);
  }

  @Post('review/batch-approve')
  @ZodResponse({ status: 200, type: BatchApprovalDto })
  @ApiOperation({ summary: 'Approve a selection; each case succeeds or fails on its own' })
  batchApprove(@Body() body: BatchApproveDto, @Caller() caller: CallerContext) {
    return this.review.batchApprove(body.applicationNos, caller);
  }
}
