import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Principal } from '../../domain/principal';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { RateClassOf } from '../limits/rate-limit';
import { RoundDto, RoundVerificationDto, SeasonRoundsQueryDto, StartRoundDto } from './dto';
import { RoundsService } from './rounds.service';
import { AuditObject } from '../audit/audited';

@ApiTags('admission rounds')
@ApiBearerAuth()
@AuditObject('round', 'roundId')
@Controller('rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Post()
  @Roles('CITY_ADMIN', 'REGION_ADMIN')
  @ZodResponse({ status: 201, type: RoundDto })
  @ApiOperation({
    summary:
      'Start the admission round of a county, stage and season (publishes sha256 of the seed)',
  })
  start(@Body() body: StartRoundDto, @CurrentPrincipal() principal: Principal) {
    return this.rounds.start(principal, body);
  }

  @Get()
  @Roles('CITY_ADMIN', 'REGION_ADMIN', 'AUDITOR')
  @ZodResponse({ status: 200, type: [RoundDto] })
  @ApiOperation({
    summary:
      "A season's rounds of a county and stage, main round first (administrators and auditors of its county)",
  })
  season(@Query() query: SeasonRoundsQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.rounds.season(principal, query);
  }

  @Get(':roundId')
  @ZodResponse({ status: 200, type: RoundDto })
  @ApiOperation({
    summary: 'The round as published: commitment, then seed, list hash and per-school summary',
  })
  view(@Param('roundId') roundId: string) {
    return this.rounds.view(roundId);
  }

  @Get(':roundId/verify')
  @Roles('CITY_ADMIN', 'REGION_ADMIN', 'AUDITOR')
  @RateClassOf('ops')
  @ZodResponse({ status: 200, type: RoundVerificationDto })
  @ApiOperation({
    summary:
      'Recompute the round from its published inputs: MATCH, or where it differs (administrators and auditors of its county; Cache-Status says whether this version was computed before)',
  })
  async verify(
    @Param('roundId') roundId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { result, cached } = await this.rounds.verify(principal, roundId);
    response.setHeader('Cache-Status', `gx-enrolment; ${cached ? 'hit' : 'fwd=miss; stored'}`);
    return result;
  }
}
