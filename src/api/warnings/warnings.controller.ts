import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Principal } from '../../domain/principal';
import { AuditObject } from '../audit/audited';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import {
  NotificationsQueryDto,
  RecomputeDto,
  ScenarioDto,
  ScenarioRequestDto,
  SchoolWarningDto,
  WarningNotificationDto,
  WarningPolicyDto,
  WarningPublicationDto,
  WarningsQueryDto,
} from './dto';
import { WarningsService } from './warnings.service';

const SEASON = ':countyCode/:stage/:seasonYear';

/** The place-shortage early warning (学位预警) for a county's administrators (docs/early-warning.md). */
@ApiTags('early warning')
@ApiBearerAuth()
@Roles('CITY_ADMIN', 'REGION_ADMIN')
@AuditObject('warning')
@Controller('warnings')
export class WarningsController {
  constructor(private readonly warnings: WarningsService) {}

  // Before ':countyCode', which would otherwise take "notifications" for a county.
  @Get('notifications')
  @ZodResponse({ status: 200, type: [WarningNotificationDto] })
  @ApiOperation({ summary: 'Level changes in your counties (the outbox), newest first' })
  notifications(@Query() query: NotificationsQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.warnings.notifications(principal, query.countyCode, query.limit);
  }

  @Get(':countyCode')
  @ZodResponse({ status: 200, type: [SchoolWarningDto] })
  @ApiOperation({ summary: "A county's forecast and level per school and season" })
  list(
    @Param('countyCode') countyCode: string,
    @Query() query: WarningsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.warnings.list(principal, countyCode, query.stage, query.seasonYear);
  }

  @Get(':countyCode/policy')
  @ZodResponse({ status: 200, type: WarningPolicyDto })
  @ApiOperation({ summary: "A county's thresholds and take-up without history" })
  policy(@Param('countyCode') countyCode: string, @CurrentPrincipal() principal: Principal) {
    return this.warnings.policy(principal, countyCode);
  }

  @Put(':countyCode/policy')
  @ZodResponse({ status: 200, type: WarningPolicyDto })
  @ApiOperation({
    summary: 'Sets the thresholds (yellow ≤ orange ≤ red); the county is recomputed',
  })
  setPolicy(
    @Param('countyCode') countyCode: string,
    @Body() body: WarningPolicyDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.warnings.setPolicy(principal, countyCode, body);
  }

  @Post(':countyCode/recompute')
  @HttpCode(202)
  @ZodResponse({ status: 202, type: RecomputeDto })
  @ApiOperation({ summary: "Recomputes the county's warnings now (a workflow run)" })
  recompute(@Param('countyCode') countyCode: string, @CurrentPrincipal() principal: Principal) {
    return this.warnings.recompute(principal, countyCode);
  }

  @Post(`${SEASON}/publish`)
  @HttpCode(200)
  @ZodResponse({ status: 200, type: WarningPublicationDto })
  @ApiOperation({ summary: 'Publishes the current warnings of a stage and season to the public' })
  publish(
    @Param('countyCode') countyCode: string,
    @Param('stage') stage: string,
    @Param('seasonYear', ParseIntPipe) seasonYear: number,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.warnings.publish(principal, countyCode, stage, seasonYear);
  }

  @Post(`${SEASON}/scenario`)
  @HttpCode(200)
  @ZodResponse({ status: 200, type: ScenarioDto })
  @ApiOperation({
    summary: 'The shortfall scenario: the allocation on the expected applicants, with variants',
  })
  scenario(
    @Param('countyCode') countyCode: string,
    @Param('stage') stage: string,
    @Param('seasonYear', ParseIntPipe) seasonYear: number,
    @Body() body: ScenarioRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.warnings.scenario(principal, countyCode, stage, seasonYear, body.variants);
  }
}
