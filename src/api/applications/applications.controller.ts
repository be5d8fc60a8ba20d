import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ZodResponse } from 'nestjs-zod';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RuleViolationError } from '../../domain/errors';
import { violation } from '../../domain/forms/violations';
import { Roles } from '../auth/auth.decorators';
import { Caller, type CallerContext } from '../auth/caller';
import { ApiFamilyTokenHeader, ApiIdempotencyKeyHeader, IdempotencyKey } from '../headers';
import { RateClassOf } from '../limits/rate-limit';
import { ApplicationsService } from './applications.service';
import { AttachmentUploadInterceptor } from './attachment-upload.interceptor';
import { UploadAccessGuard } from './upload-access.guard';
import { SubmissionService } from './submission.service';
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
import { AuditObject, AuditRead } from '../audit/audited';

@ApiTags('applications')
@ApiFamilyTokenHeader()
@ApiBearerAuth()
@AuditObject('application', 'applicationNo')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly submissions: SubmissionService,
  ) {}

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
    @Caller() caller: CallerContext,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    if (!idempotencyKeySchema.safeParse(idempotencyKey).success) {
      throw new RuleViolationError([violation('Idempotency-Key', 'BAD_FORMAT')]);
    }
    return this.submissions.submitOnce(form, caller, idempotencyKey);
  }

  @Get()
  @AuditRead()
  @Roles('PARENT', 'PLATFORM')
  @ZodResponse({ status: 200, type: [MyApplicationDto] })
  @ApiOperation({ summary: "The family's own applications, with what happens next" })
  listMine(@Caller() caller: CallerContext) {
    return this.applications.listMine(caller);
  }

  @Get(':applicationNo')
  @AuditRead()
  @ZodResponse({ status: 200, type: ApplicationViewDto })
  @ApiOperation({ summary: 'One application: status, what happens next, timeline, verification' })
  get(@Param('applicationNo') applicationNo: string, @Caller() caller: CallerContext) {
    return this.applications.get(applicationNo, caller);
  }

  @Post(':applicationNo/withdraw')
  @Roles('PARENT', 'PLATFORM')
  @ZodResponse({ status: 200, type: TransitionResultDto })
  @ApiOperation({ summary: 'Withdraw before a decision' })
  withdraw(
    @Param('applicationNo') applicationNo: string,
    @Body() body: WithdrawalDto,
    @Caller() caller: CallerContext,
  ) {
    return this.applications.withdraw(applicationNo, caller, body.reason);
  }

  @Post(':applicationNo/attachments')
  @Roles('PARENT', 'PLATFORM')
  @RateClassOf('upload')
  @UseGuards(UploadAccessGuard)
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ZodResponse({ status: 201, type: AttachmentDto })
  @ApiOperation({
    summary:
      'Upload one document (PDF, JPEG or PNG, checked by content; at most 5 MB) while a supplement request is open, within the case’s quota',
  })
  upload(
    @Param('applicationNo') applicationNo: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Caller() caller: CallerContext,
  ) {
    return this.applications.uploadAttachment(applicationNo, caller, file);
  }

  @Post(':applicationNo/supplement')
  @Roles('PARENT', 'PLATFORM')
  @ZodResponse({ status: 200, type: TransitionResultDto })
  @ApiOperation({ summary: 'Provide the requested items (text and uploaded documents)' })
  provideSupplement(
    @Param('applicationNo') applicationNo: string,
    @Body() body: SupplementDto,
    @Caller() caller: CallerContext,
  ) {
    return this.applications.provideSupplement(applicationNo, caller, body.items);
  }
}
