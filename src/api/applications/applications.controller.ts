import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { MAX_ATTACHMENT_BYTES } from '../../domain/attachments';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RuleViolationError } from '../../domain/errors';
import { violation } from '../../domain/forms/violations';
import { Roles } from '../auth/auth.decorators';
import { Caller, type CallerContext } from '../auth/caller';
import { ApplicationsService } from './applications.service';
import { SubmissionService } from './submission.service';
import { ApplicationFormDto, idempotencyKeySchema, SupplementDto, WithdrawalDto } from './dto';
import { FORM_A_EXAMPLE, FORM_B_EXAMPLE } from './examples';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly submissions: SubmissionService,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('PARENT', 'STAFF', 'PLATFORM')
  @ApiOperation({ summary: 'Submit an application (Form A or B); starts its workflow' })
  @ApiBody({
    type: ApplicationFormDto,
    examples: { formA: { value: FORM_A_EXAMPLE }, formB: { value: FORM_B_EXAMPLE } },
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key get the first answer',
  })
  @ApiHeader({
    name: 'X-Family-Token',
    required: false,
    description: 'PLATFORM only: the family the platform vouches for',
  })
  submit(
    @Body() form: ApplicationFormDto,
    @Caller() caller: CallerContext,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    if (!idempotencyKeySchema.safeParse(idempotencyKey).success) {
      throw new RuleViolationError([violation('Idempotency-Key', 'BAD_FORMAT')]);
    }
    return this.submissions.submitOnce(form, caller, idempotencyKey);
  }

  @Get()
  @Roles('PARENT', 'PLATFORM')
  @ApiOperation({ summary: "The family's own applications, with what happens next" })
  listMine(@Caller() caller: CallerContext) {
    return this.applications.listMine(caller);
  }

  @Get(':applicationNo')
  @ApiOperation({ summary: 'One application: status, what happens next, timeline, verification' })
  get(@Param('applicationNo') applicationNo: string, @Caller() caller: CallerContext) {
    return this.applications.get(applicationNo, caller);
  }

  @Post(':applicationNo/withdraw')
  @HttpCode(200)
  @Roles('PARENT', 'PLATFORM')
  @ApiOperation({ summary: 'Withdraw before a decision' })
  withdraw(
    @Param('applicationNo') applicationNo: string,
    @Body() body: WithdrawalDto,
    @Caller() caller: CallerContext,
  ) {
    return this.applications.withdraw(applicationNo, caller, body.reason);
  }

  @Post(':applicationNo/attachments')
  @HttpCode(201)
  @Roles('PARENT', 'PLATFORM')
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Upload one document (PDF, JPEG or PNG, checked by content; at most 5 MB)',
  })
  upload(
    @Param('applicationNo') applicationNo: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Caller() caller: CallerContext,
  ) {
    return this.applications.uploadAttachment(applicationNo, caller, file);
  }

  @Post(':applicationNo/supplement')
  @HttpCode(200)
  @Roles('PARENT', 'PLATFORM')
  @ApiOperation({ summary: 'Provide the requested items (text and uploaded documents)' })
  provideSupplement(
    @Param('applicationNo') applicationNo: string,
    @Body() body: SupplementDto,
    @Caller() caller: CallerContext,
  ) {
    return this.applications.provideSupplement(applicationNo, caller, body.items);
  }
}
