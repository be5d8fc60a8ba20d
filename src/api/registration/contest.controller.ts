import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Roles } from '../auth/auth.decorators';
import { Caller, type CallerContext } from '../auth/caller';
import {
  ConflictDto,
  ConflictQueryDto,
  ContestCancelDto,
  ContestCancelledDto,
} from './contest-dto';
import { ContestService } from './contest.service';

/**
 * Contesting a case at a registration point (issue 13): the child's ID number travels in the body,
 * never in a URL.
 */
@ApiTags('registration points')
@ApiBearerAuth()
@Controller('registration-points/conflicts')
export class ContestController {
  constructor(private readonly contest: ContestService) {}

  @Post()
  @HttpCode(200)
  @Roles('STAFF')
  @ZodResponse({ status: 200, type: ConflictDto })
  @ApiOperation({
    summary: "The live case of a child, from the household booklet (staff of the case's county)",
  })
  conflict(@Body() body: ConflictQueryDto, @Caller() caller: CallerContext) {
    return this.contest.conflict(body, caller);
  }

  @Post(':applicationNo/cancel')
  @HttpCode(200)
  @Roles('STAFF')
  @ZodResponse({ status: 200, type: ContestCancelledDto })
  @ApiOperation({ summary: 'Cancel a case filed by someone the household booklet does not name' })
  cancel(
    @Param('applicationNo') applicationNo: string,
    @Body() body: ContestCancelDto,
    @Caller() caller: CallerContext,
  ) {
    return this.contest.cancel(applicationNo, body.reason, caller);
  }
}
