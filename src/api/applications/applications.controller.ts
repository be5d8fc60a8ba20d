import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicationFormDto, ReviewDecisionDto } from './dto';
import { ApplicationsService } from './applications.service';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @ApiOperation({ summary: 'Submit an application (starts its workflow)' })
  submit(@Body() form: ApplicationFormDto) {
    // Until sign-in lands (JWT, issue 3) the submitter is known only by the channel used.
    return this.applications.submit(form, `applicant:${form.channel}`);
  }

  @Get(':applicationNo')
  @ApiOperation({ summary: 'Status, timeline and verification of one application' })
  get(@Param('applicationNo') applicationNo: string) {
    return this.applications.get(applicationNo);
  }

  @Post(':applicationNo/decision')
  @HttpCode(200)
  @ApiOperation({ summary: "A reviewer's decision: approve, or reject with a reason" })
  decide(@Param('applicationNo') applicationNo: string, @Body() decision: ReviewDecisionDto) {
    return this.applications.decide(applicationNo, decision);
  }
}
