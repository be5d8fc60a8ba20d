import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Roles } from '../auth/auth.decorators';
import { Caller, type CallerContext } from '../auth/caller';
import { AuditObject } from '../audit/audited';
import { ApiFamilyTokenHeader } from '../headers';
import { ClaimsService } from './claims.service';
import { ClaimCodeDto, ClaimRequestDto, ClaimResultDto } from './dto';

/** Offline cases join the family's account with the receipt's one-time code (issue 14). */
@ApiTags('applications')
@ApiBearerAuth()
@AuditObject('application', 'applicationNo')
@Controller()
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Post('applications/claim')
  @HttpCode(200)
  @Roles('PARENT', 'PLATFORM')
  @ApiFamilyTokenHeader()
  @ZodResponse({ status: 200, type: ClaimResultDto })
  @ApiOperation({
    summary:
      "Claim an offline case for the family's account with the receipt's one-time code (a guardian the form names)",
  })
  claim(@Body() body: ClaimRequestDto, @Caller() caller: CallerContext) {
    return this.claims.claim(body.claimCode, caller);
  }

  @Post('registration/cases/:applicationNo/claim-code')
  @Roles('STAFF')
  @ZodResponse({ status: 201, type: ClaimCodeDto })
  @ApiOperation({
    summary:
      'A new claim code for an offline case entered at your point (the old one stops working)',
  })
  reissue(@Param('applicationNo') applicationNo: string, @Caller() caller: CallerContext) {
    return this.claims.reissue(applicationNo, caller);
  }
}
