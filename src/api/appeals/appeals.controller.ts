import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AuditObject } from '../audit/audited';
import { Roles } from '../auth/auth.decorators';
import { Caller, type CallerContext } from '../auth/caller';
import { ApiFamilyTokenHeader } from '../headers';
import { TransitionResultDto } from '../applications/dto';
import { AppealsService } from './appeals.service';
import { AppealDecisionDto, AppealDto } from './dto';

@ApiTags('appeals')
@ApiBearerAuth()
@AuditObject('application')
@Controller('applications')
export class AppealsController {
  constructor(private readonly appeals: AppealsService) {}

  @Post(':applicationNo/appeal')
  @Roles('PARENT', 'PLATFORM')
  @ApiFamilyTokenHeader()
  @ZodResponse({ status: 200, type: TransitionResultDto })
  @ApiOperation({
    summary:
      "Ask for a review (复核) of a rejection or placement, within the county's period (409 after it)",
  })
  file(
    @Param('applicationNo') applicationNo: string,
    @Body() body: AppealDto,
    @Caller() caller: CallerContext,
  ) {
    return this.appeals.file(applicationNo, caller, body.reason);
  }

  @Post(':applicationNo/appeal-decision')
  @Roles('REVIEWER')
  @ZodResponse({ status: 200, type: TransitionResultDto })
  @ApiOperation({
    summary:
      'Answer an appeal: UPHOLD the result, or ACCEPT it (a rejection or no place is reviewed again; a placement is kept while the next 补录 round looks for a better one)',
  })
  decide(
    @Param('applicationNo') applicationNo: string,
    @Body() body: AppealDecisionDto,
    @Caller() caller: CallerContext,
  ) {
    return this.appeals.decide(applicationNo, caller, body);
  }
}
