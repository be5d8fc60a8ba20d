import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Principal } from '../../domain/principal';
import { AuditObject } from '../audit/audited';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { ContentService } from './content.service';
import { ContentDraftDto, ContentVersionDto } from './dto';

/** The guide (办事指南) and FAQ a county bureau edits and publishes (docs/public-information.md). */
@ApiTags('administration')
@ApiBearerAuth()
@Roles('CITY_ADMIN', 'REGION_ADMIN')
@AuditObject('public-content')
@Controller('admin/content')
export class ContentController {
  constructor(private readonly content: ContentService) {}

  @Get(':countyCode')
  @ZodResponse({ status: 200, type: [ContentVersionDto] })
  @ApiOperation({ summary: "Every version of a county's guide and FAQ entries, drafts included" })
  versions(@Param('countyCode') countyCode: string, @CurrentPrincipal() principal: Principal) {
    return this.content.versions(principal, countyCode);
  }

  @Put(':countyCode/:kind/:slug')
  @ZodResponse({ status: 200, type: ContentVersionDto })
  @ApiOperation({
    summary: 'A new draft version of a guide section or FAQ entry (kind GUIDE or FAQ); not public',
  })
  draft(
    @Param('countyCode') countyCode: string,
    @Param('kind') kind: string,
    @Param('slug') slug: string,
    @Body() body: ContentDraftDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.content.draft(principal, { countyCode, kind, slug }, body);
  }

  @Post(':countyCode/:kind/:slug/versions/:version/publish')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: ContentVersionDto })
  @ApiOperation({ summary: 'Publish a version: the public reads it; the one before is superseded' })
  publish(
    @Param('countyCode') countyCode: string,
    @Param('kind') kind: string,
    @Param('slug') slug: string,
    @Param('version', ParseIntPipe) version: number,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.content.publish(principal, { countyCode, kind, slug }, version);
  }
}
