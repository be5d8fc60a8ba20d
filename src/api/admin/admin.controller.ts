import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Principal } from '../../domain/principal';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { AdminService } from './admin.service';
import {
  CountyPeriodsDto,
  CountyPeriodsRowDto,
  CountyPolicyDto,
  PolicyDto,
  PolicyRowDto,
  ReportingDto,
  ReportingRowDto,
  SchoolDto,
  SchoolRowDto,
  SeasonDto,
  SeasonRowDto,
  WindowDto,
  WindowRowDto,
} from './dto';
import { AuditObject } from '../audit/audited';

/** Reference data and policy; the rules and the county scope are the service's. */
@ApiTags('administration')
@ApiBearerAuth()
@Roles('CITY_ADMIN', 'REGION_ADMIN')
@Controller('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Put('seasons/:year')
  @AuditObject('season')
  @Roles('REGION_ADMIN')
  @ZodResponse({ status: 200, type: SeasonRowDto })
  @ApiOperation({ summary: 'Create or change a season and its age cut-offs' })
  season(@Param('year', ParseIntPipe) year: number, @Body() body: SeasonDto) {
    return this.admin.season(year, body);
  }

  @Put('registration-windows/:countyCode/:stage/:seasonYear')
  @AuditObject('registration-window')
  @ZodResponse({ status: 200, type: WindowRowDto })
  @ApiOperation({ summary: "A county's registration window for a stage and season" })
  window(
    @Param('countyCode') countyCode: string,
    @Param('stage') stage: string,
    @Param('seasonYear', ParseIntPipe) seasonYear: number,
    @Body() body: WindowDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.admin.window(principal, { countyCode, stage, seasonYear }, body);
  }

  @Get('counties/:countyCode/schools')
  @ZodResponse({ status: 200, type: [SchoolRowDto] })
  @ApiOperation({ summary: "A county's schools as stored, for editing (places, catchments)" })
  schools(@Param('countyCode') countyCode: string, @CurrentPrincipal() principal: Principal) {
    return this.admin.schools(principal, countyCode);
  }

  @Put('schools/:schoolId')
  @AuditObject('school')
  @ZodResponse({ status: 200, type: SchoolRowDto })
  @ApiOperation({
    summary: 'Create or change a school: places, catchment units, feeder primaries, location',
  })
  school(
    @Param('schoolId') schoolId: string,
    @Body() body: SchoolDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.admin.school(principal, schoolId, body);
  }

  @Put('schools/:schoolId/reporting/:seasonYear')
  @AuditObject('school')
  @ZodResponse({ status: 200, type: ReportingRowDto })
  @ApiOperation({
    summary:
      "A school's reporting (报到) in a season: when, and what to bring; the admission notice prints it",
  })
  reporting(
    @Param('schoolId') schoolId: string,
    @Param('seasonYear', ParseIntPipe) seasonYear: number,
    @Body() body: ReportingDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.admin.reporting(principal, schoolId, seasonYear, body);
  }

  @Put('counties/:countyCode/periods')
  @AuditObject('county')
  @ZodResponse({ status: 200, type: CountyPeriodsRowDto })
  @ApiOperation({
    summary:
      "A county's periods: to confirm a place (报到确认) from the draw, and to answer a waitlist offer",
  })
  periods(
    @Param('countyCode') countyCode: string,
    @Body() body: CountyPeriodsDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.admin.countyPeriods(principal, countyCode, body);
  }

  @Get('policies/:countyCode/:stage/:seasonYear')
  @ZodResponse({ status: 200, type: CountyPolicyDto })
  @ApiOperation({
    summary: "The policy a county's round would apply: its own, or the region's default",
  })
  currentPolicy(
    @Param('countyCode') countyCode: string,
    @Param('stage') stage: string,
    @Param('seasonYear', ParseIntPipe) seasonYear: number,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.admin.currentPolicy(principal, { countyCode, stage, seasonYear });
  }

  @Put('policies/:countyCode/:stage/:seasonYear')
  @AuditObject('policy')
  @ZodResponse({ status: 200, type: PolicyRowDto })
  @ApiOperation({
    summary:
      "A county's admission policy as data: tiers, tie-breaks, thresholds, mechanism, lock years",
  })
  policy(
    @Param('countyCode') countyCode: string,
    @Param('stage') stage: string,
    @Param('seasonYear', ParseIntPipe) seasonYear: number,
    @Body() body: PolicyDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.admin.policy(principal, { countyCode, stage, seasonYear }, body);
  }
}
