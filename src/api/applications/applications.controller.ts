import { Body, Controller, Get, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ZodResponse } from 'nestjs-zod';
import { MAX_ATTACHMENT_BYTES } from '../../domain/attachments';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RuleViolationError } from '../../domain/errors';
import { violation } from '../../domain/forms/violations';
import type { Principal } from '../../domain/principal';
import { CurrentPrincipal, RequestId, Roles } from '../auth/auth.decorators';
import {
  ApiFamilyTokenHeader,
  ApiIdempotencyKeyHeader,
  FamilyToken,
  IdempotencyKey,
} from '../headers';
import { ApplicationsService } from './applications.service';
import {
  ApplicationFormDto,
  ApplicationViewDto,
  AttachmentDto,
  idempotencyKeySchema,
  MyApplicationDto,
  SubmissionReceiptDto,
  SupplementDto,
  TransitionResultDto,
  WithdrawalDto,
} from './dto';
import { FORM_A_EXAMPLE, FORM_B_EXAMPLE } from './examples';

@ApiTags('applications')
@ApiFamilyTokenHeader()
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @Roles('PARENT', 'STAFF', 'PLATFORM')
  @ZodResponse({ status: 201, type: SubmissionReceiptDto })
  @ApiOperation({ summary: 'Submit an application (Form A or B); starts its workflow' })
  @ApiBody({
    type: ApplicationFormDto,
    examples: { formA: { value: FORM_A_EXAMPLE }, formB: { value: FORM_B_EXAMPLE } },
  })
  @ApiIdempotencyKeyHeader()
  submit(
    @Body() form: ApplicationFormDto,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey?: string,
    @FamilyToken() familyToken?: string,
  ) {
    if (!idempotencyKeySchema.safeParse(idempotencyKey).success) {
      throw new RuleViolationError([violation('Idempotency-Key', 'BAD_FORMAT')]);
    }
    return this.applications.submitOnce(form, { principal, familyToken }, idempotencyKey);
  }

  @Get()
  @Roles('PARENT', 'PLATFORM')
  @ZodResponse({ status: 200, type: [MyApplicationDto] })
  @ApiOperation({ summary: "The family's own applications, with what happens next" })
  listMine(@CurrentPrincipal() principal: Principal, @FamilyToken() familyToken?: string) {
    return this.applications.listMine({ principal, familyToken });
  }

  @Get(':applicationNo')
  @ZodResponse({ status: 200, type: ApplicationViewDto })
  @ApiOperation({ summary: 'One application: status, what happens next, timeline, verification' })
  get(
    @Param('applicationNo') applicationNo: string,
    @CurrentPrincipal() principal: Principal,
    @FamilyToken() familyToken?: string,
  ) {
    return this.applications.get(applicationNo, { principal, familyToken });
  }

  @Post(':applicationNo/withdraw')
  @Roles('PARENT', 'PLATFORM')
  @ZodResponse({ status: 200, type: TransitionResultDto })
  @ApiOperation({ summary: 'Withdraw before a decision' })
  withdraw(
    @Param('applicationNo') applicationNo: string,
    @Body() body: WithdrawalDto,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
    @FamilyToken() familyToken?: string,
  ) {
    return this.applications.withdraw(
      applicationNo,
      { principal, familyToken, requestId },
      body.reason,
    );
  }

  @Post(':applicationNo/attachments')
  @Roles('PARENT', 'PLATFORM')
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ZodResponse({ status: 201, type: AttachmentDto })
  @ApiOperation({
    summary: 'Upload one document (PDF, JPEG or PNG, checked by content; at most 5 MB)',
  })
  upload(
    @Param('applicationNo') applicationNo: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentPrincipal() principal: Principal,
    @FamilyToken() familyToken?: string,
  ) {
    return this.applications.uploadAttachment(applicationNo, { principal, familyToken }, file);
  }

  @Post(':applicationNo/supplement')
  @Roles('PARENT', 'PLATFORM')
  @ZodResponse({ status: 200, type: TransitionResultDto })
  @ApiOperation({ summary: 'Provide the requested items (text and uploaded documents)' })
  provideSupplement(
    @Param('applicationNo') applicationNo: string,
    @Body() body: SupplementDto,
    @CurrentPrincipal() principal: Principal,
    @RequestId() requestId: string,
    @FamilyToken() familyToken?: string,
  ) {
    return this.applications.provideSupplement(
      applicationNo,
      { principal, familyToken, requestId },
      body.items,
    );
  }
}
