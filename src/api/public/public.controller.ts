import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { PublicInformation } from '../limits/rate-limit';
import { cacheable } from './cacheable';
import {
  MaterialsDto,
  MaterialsQueryDto,
  PolicyQueryDto,
  PublicContentDto,
  PublicCountyDto,
  PublicPolicyDto,
  PublicSchoolDto,
  PublicWindowDto,
  PublishedRoundDto,
  SchoolsQueryDto,
} from './dto';
import { PublicService } from './public.service';
import { WarningPublicationDto } from '../warnings/dto';

/**
 * Public information (强化招生信息公开, 一次告知): no token, rate-limited per address, cacheable
 * (ETag, Cache-Control; If-None-Match → 304). docs/public-information.md.
 */
@ApiTags('public information')
@PublicInformation()
@Controller('public')
export class PublicController {
  constructor(private readonly info: PublicService) {}

  @Get('counties')
  @ZodResponse({ status: 200, type: [PublicCountyDto] })
  @ApiOperation({ summary: 'The counties (districts) of Guangxi the service covers' })
  async counties(@Res({ passthrough: true }) res: Response) {
    return cacheable(res, await this.info.counties());
  }

  @Get('counties/:countyCode/schools')
  @ZodResponse({ status: 200, type: [PublicSchoolDto] })
  @ApiOperation({ summary: "A county's schools: address, stage, places, catchment in words" })
  async schools(
    @Param('countyCode') countyCode: string,
    @Query() query: SchoolsQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return cacheable(res, await this.info.schools(countyCode, query.stage));
  }

  @Get('counties/:countyCode/policy')
  @ZodResponse({ status: 200, type: PublicPolicyDto })
  @ApiOperation({ summary: "A county's tier order and admission rules in plain Chinese" })
  async policy(
    @Param('countyCode') countyCode: string,
    @Query() query: PolicyQueryDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    return cacheable(res, await this.info.policy(countyCode, query.stage, query.seasonYear));
  }

  @Get('counties/:countyCode/registration-windows')
  @ZodResponse({ status: 200, type: [PublicWindowDto] })
  @ApiOperation({ summary: "A county's registration windows, newest season first" })
  async windows(
    @Param('countyCode') countyCode: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return cacheable(res, await this.info.windows(countyCode));
  }

  @Get('counties/:countyCode/guide')
  @ZodResponse({ status: 200, type: [PublicContentDto] })
  @ApiOperation({ summary: "The bureau's published guide (办事指南), section by section" })
  async guide(@Param('countyCode') countyCode: string, @Res({ passthrough: true }) res: Response) {
    return cacheable(res, await this.info.content(countyCode, 'GUIDE'));
  }

  @Get('counties/:countyCode/faq')
  @ZodResponse({ status: 200, type: [PublicContentDto] })
  @ApiOperation({ summary: "The bureau's published FAQ (常见问题)" })
  async faq(@Param('countyCode') countyCode: string, @Res({ passthrough: true }) res: Response) {
    return cacheable(res, await this.info.content(countyCode, 'FAQ'));
  }

  @Get('counties/:countyCode/rounds')
  @ZodResponse({ status: 200, type: [PublishedRoundDto] })
  @ApiOperation({
    summary: 'Published admission rounds: places, admitted per tier, cut-offs, seed and hashes',
  })
  async rounds(@Param('countyCode') countyCode: string, @Res({ passthrough: true }) res: Response) {
    return cacheable(res, await this.info.rounds(countyCode));
  }

  @Get('counties/:countyCode/warnings')
  @ZodResponse({ status: 200, type: [WarningPublicationDto] })
  @ApiOperation({
    summary: 'Place-shortage warnings (学位预警) the bureau published: level per school, summary',
  })
  async warnings(
    @Param('countyCode') countyCode: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return cacheable(res, await this.info.warnings(countyCode));
  }

  @Get('materials')
  @ZodResponse({ status: 200, type: MaterialsDto })
  @ApiOperation({
    summary: 'What to prepare (一次告知) for a stage, form type and housing type',
  })
  materials(@Query() query: MaterialsQueryDto, @Res({ passthrough: true }) res: Response) {
    return cacheable(res, this.info.materials(query.stage, query.formType, query.housingType));
  }
}
