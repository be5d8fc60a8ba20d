import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AuditObject } from '../audit/audited';
import { Roles } from '../auth/auth.decorators';
import { Caller, type CallerContext } from '../auth/caller';
import { ApiFamilyTokenHeader } from '../headers';
import { TransitionResultDto } from '../applications/dto';
import { PlacesService } from './places.service';

@ApiTags('places')
@ApiBearerAuth()
@AuditObject('application')
@Controller('applications')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Post(':applicationNo/place/confirm')
  @HttpCode(200)
  @Roles('PARENT', 'PLATFORM')
  @ApiFamilyTokenHeader()
  @ZodResponse({ status: 200, type: TransitionResultDto })
  @ApiOperation({ summary: 'Confirm the place (报到确认) before its deadline (409 after it)' })
  confirm(@Param('applicationNo') applicationNo: string, @Caller() caller: CallerContext) {
    return this.places.answerPlace(applicationNo, caller, 'CONFIRM');
  }

  @Post(':applicationNo/place/decline')
  @HttpCode(200)
  @Roles('PARENT', 'PLATFORM')
  @ApiFamilyTokenHeader()
  @ZodResponse({ status: 200, type: TransitionResultDto })
  @ApiOperation({
    summary:
      "Decline the place: the case becomes DECLINED and the place goes to the school's waitlist",
  })
  decline(@Param('applicationNo') applicationNo: string, @Caller() caller: CallerContext) {
    return this.places.answerPlace(applicationNo, caller, 'DECLINE');
  }

  @Post(':applicationNo/offer/accept')
  @HttpCode(200)
  @Roles('PARENT', 'PLATFORM')
  @ApiFamilyTokenHeader()
  @ZodResponse({ status: 200, type: TransitionResultDto })
  @ApiOperation({
    summary:
      'Accept the open waitlist offer (递补) before its deadline: the place is taken and confirmed; a place held unconfirmed goes to its own waitlist',
  })
  accept(@Param('applicationNo') applicationNo: string, @Caller() caller: CallerContext) {
    return this.places.answerOffer(applicationNo, caller, 'ACCEPT');
  }

  @Post(':applicationNo/offer/decline')
  @HttpCode(200)
  @Roles('PARENT', 'PLATFORM')
  @ApiFamilyTokenHeader()
  @ZodResponse({ status: 200, type: TransitionResultDto })
  @ApiOperation({ summary: 'Decline the open waitlist offer: it passes to the next family' })
  declineOffer(@Param('applicationNo') applicationNo: string, @Caller() caller: CallerContext) {
    return this.places.answerOffer(applicationNo, caller, 'DECLINE');
  }
}
