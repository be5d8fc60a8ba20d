import { Body, Controller, Inject, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { AdministrationRepository } from '../../db/administration-repository';
import { STAGES, type Stage } from '../../domain/enrolment';
import { ForbiddenError, RuleViolationError } from '../../domain/errors';
import { violation } from '../../domain/forms/violations';
import { coversCounty, type Principal } from '../../domain/principal';
import { isGuangxiCounty } from '../../domain/reference/guangxi-divisions';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { ADMINISTRATION } from '../tokens';
import {
  PolicyDto,
  PolicyRowDto,
  SchoolDto,
  SchoolRowDto,
  SeasonDto,
  SeasonRowDto,
  WindowDto,
  WindowRowDto,
} from './dto';

const stageParam = (value: string): Stage => {
  if (!(STAGES as readonly string[]).includes(value))
    throw new RuleViolationError([violation('stage', 'NOT_IN_LIST')]);
  return value as Stage;
};

/**
 * Reference data and policy (CITY_ADMIN for their cities' counties, REGION_ADMIN for all).
 * Rounds freeze what they use, so a change here never alters a drawn round.
 */
@ApiTags('administration')
@ApiBearerAuth()
@Roles('CITY_ADMIN', 'REGION_ADMIN')
@Controller('admin')
export class AdminController {
  constructor(@Inject(ADMINISTRATION) private readonly admin: AdministrationRepository) {}

  private inScope(principal: Principal, countyCode: string): void {
    if (!isGuangxiCounty(countyCode))
      throw new RuleViolationError([violation('countyCode', 'NOT_GUANGXI_COUNTY')]);
    if (!coversCounty(principal, countyCode))
      throw new ForbiddenError(`county ${countyCode} is not in your scope`);
  }

  @Put('seasons/:year')
  @Roles('REGION_ADMIN')
  @ZodResponse({ status: 200, type: SeasonRowDto })
  @ApiOperation({ summary: 'Create or change a season and its age cut-offs' })
  season(@Param('year', ParseIntPipe) year: number, @Body() body: SeasonDto) {
    return this.admin.upsertSeason(year, {
      name: body.name,
      primaryBornOnOrBefore: new Date(`${body.primaryBornOnOrBefore}T00:00:00Z`),
      juniorBornOnOrBefore: new Date(`${body.juniorBornOnOrBefore}T00:00:00Z`),
    });
  }

  @Put('registration-windows/:countyCode/:stage/:seasonYear')
  @ZodResponse({ status: 200, type: WindowRowDto })
  @ApiOperation({ summary: "A county's registration window for a stage and season" })
  window(
    @Param('countyCode') countyCode: string,
    @Param('stage') stage: string,
    @Param('seasonYear', ParseIntPipe) seasonYear: number,
    @Body() body: WindowDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    this.inScope(principal, countyCode);
    return this.admin.upsertWindow(
      { countyCode, stage: stageParam(stage), seasonYear },
      { opensAt: new Date(body.opensAt), closesAt: new Date(body.closesAt) },
    );
  }

  @Put('schools/:schoolId')
  @ZodResponse({ status: 200, type: SchoolRowDto })
  @ApiOperation({
    summary: 'Create or change a school: places, catchment units, feeder primaries, location',
  })
  async school(
    @Param('schoolId') schoolId: string,
    @Body() body: SchoolDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    this.inScope(principal, body.countyCode);
    const existing = await this.admin.school(schoolId);
    if (existing) this.inScope(principal, existing.countyCode);
    const { location, ...rest } = body;
    return this.admin.upsertSchool({
      id: schoolId,
      ...rest,
      locationX: location.x,
      locationY: location.y,
    });
  }

  @Put('policies/:countyCode/:stage/:seasonYear')
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
    this.inScope(principal, countyCode);
    return this.admin.upsertPolicy({ countyCode, stage: stageParam(stage), seasonYear }, body);
  }
}
