import { Controller, Get, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AttachmentUploadInterceptor } from '../applications/attachment-upload.interceptor';
import type { Principal } from '../../domain/principal';
import { TransitionResultDto } from '../applications/dto';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { Caller, type CallerContext } from '../auth/caller';
import { ApiFamilyTokenHeader } from '../headers';
import { ConsentService } from './consent.service';
import { ConsentFormReceiptDto, ConsentTextDto } from './dto';

/** Consent (PIPL): the texts families agree to, paper forms signed in person, withdrawal. */
@ApiTags('consent')
@ApiBearerAuth()
@Controller()
export class ConsentController {
  constructor(private readonly consent: ConsentService) {}

  @Get('consent-texts')
  @ZodResponse({ status: 200, type: [ConsentTextDto] })
  @ApiOperation({ summary: 'The consent texts, every version, bilingual; send the version shown' })
  texts() {
    return this.consent.texts();
  }

  @Post('registration/consent-forms')
  @Roles('STAFF')
  // The same parse as a supplement's document: one file, no text fields (the first stops it).
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ZodResponse({ status: 201, type: ConsentFormReceiptDto })
  @ApiOperation({
    summary: 'Upload the consent form a guardian signed on paper, before the offline entry',
  })
  uploadPaperForm(
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.consent.uploadPaperForm(principal, file);
  }

  @Post('applications/:applicationNo/consent/withdraw')
  @Roles('PARENT', 'PLATFORM')
  @ApiFamilyTokenHeader()
  @ZodResponse({ status: 200, type: TransitionResultDto })
  @ApiOperation({ summary: 'Withdraw consent before a decision; this withdraws the application' })
  withdraw(@Param('applicationNo') applicationNo: string, @Caller() caller: CallerContext) {
    return this.consent.withdraw(applicationNo, caller);
  }
}
