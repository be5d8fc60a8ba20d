import { applyDecorators, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AuditObject } from '../audit/audited';
import { Roles } from '../auth/auth.decorators';
import { Caller, type CallerContext } from '../auth/caller';
import { ApiFamilyTokenHeader } from '../headers';
import { TransitionResultDto } from '../applications/dto';
import { PlacesService } from './places.service';

/**
 * A family's answer on its case, its own act (directly or through the platform): 200 and the
 * case's new status. Typed as ZodResponse is, so a handler that answers anything else fails to compile.
 */
function FamilyAnswer(path: string, summary: string) {
  const response = ZodResponse({ status: 200, type: TransitionResultDto });
  const route = applyDecorators(
    Post(`:applicationNo/${path}`),
    HttpCode(200),
    Roles('PARENT', 'PLATFORM'),
    ApiFamilyTokenHeader(),
    ApiOperation({ summary }),
  );
  return (...args: Parameters<typeof response>) => {
    route(...args);
    response(...args);
  };
}

@ApiTags('places')
@ApiBearerAuth()
@AuditObject('application')
@Controller('applications')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @FamilyAnswer('place/confirm', 'Confirm the place (报到确认) before its deadline (409 after it)')
  confirm(@Param('applicationNo') applicationNo: string, @Caller() caller: CallerContext) {
    return this.places.answerPlace(applicationNo, caller, 'CONFIRM');
  }

  @FamilyAnswer(
    'place/decline',
    "Decline the place: the case becomes DECLINED and the place goes to the school's waitlist",
  )
  decline(@Param('applicationNo') applicationNo: string, @Caller() caller: CallerContext) {
    return this.places.answerPlace(applicationNo, caller, 'DECLINE');
  }

  @FamilyAnswer(
    'offer/accept',
    'Accept the open waitlist offer (递补) before its deadline: the place is taken and confirmed; a place held unconfirmed goes to its own waitlist',
  )
  accept(@Param('applicationNo') applicationNo: string, @Caller() caller: CallerContext) {
    return this.places.answerOffer(applicationNo, caller, 'ACCEPT');
  }

  @FamilyAnswer('offer/decline', 'Decline the open waitlist offer: it passes to the next family')
  declineOffer(@Param('applicationNo') applicationNo: string, @Caller() caller: CallerContext) {
    return this.places.answerOffer(applicationNo, caller, 'DECLINE');
  }
}
