import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { STAGES } from '../../domain/enrolment';
import type { Principal } from '../../domain/principal';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { RoundsService } from './rounds.service';

class StartRoundDto extends createZodDto(
  z.strictObject({
    countyCode: z
      .string()
      .regex(/^\d{6}$/)
      .describe('County of the round'),
    stage: z.enum(STAGES),
    seasonYear: z.number().int().min(2024).max(2100),
    mechanism: z
      .enum(['DEFERRED_ACCEPTANCE', 'FIRST_CHOICE_FIRST'])
      .optional()
      // No default here: left out, the county's policy decides (then DA), in RoundsService.
      .describe("DA, or first-choice-first (志愿优先); default: the county policy's, else DA"),
  }),
) {}

@ApiTags('admission rounds')
@ApiBearerAuth()
@Controller('rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Post()
  @HttpCode(201)
  @Roles('CITY_ADMIN', 'REGION_ADMIN')
  @ApiOperation({
    summary:
      'Start the admission round of a county, stage and season (publishes sha256 of the seed)',
  })
  start(@Body() body: StartRoundDto, @CurrentPrincipal() principal: Principal) {
    return this.rounds.start(principal, body);
  }

  @Get(':roundId')
  @ApiOperation({
    summary: 'The round as published: commitment, then seed, list hash and per-school summary',
  })
  view(@Param('roundId') roundId: string) {
    return this.rounds.view(roundId);
  }

  @Get(':roundId/verify')
  @ApiOperation({
    summary: 'Recompute the round from its published inputs: MATCH, or where it differs',
  })
  verify(@Param('roundId') roundId: string) {
    return this.rounds.verify(roundId);
  }
}
