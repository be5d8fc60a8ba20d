import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';
import type { Config } from '../../config/config';
import { uploadQuotaOf } from '../../config/limits';
import { RuleViolationError } from '../../domain/errors';
import { violation } from '../../domain/forms/violations';
import { MAX_ATTACHMENT_BYTES } from '../../domain/attachments';
import { AttachmentTooLargeError, UploadQuotaError } from '../../domain/limit-errors';
import { API_CONFIG } from '../injection-tokens';
import type { AuditableRequest } from '../audit/audit-trail';
import type { UploadRequest } from './upload-access.guard';

/**
 * Reads one uploaded document (multipart field `file`) into memory, after UploadAccessGuard:
 * no text fields at all (the first one stops the parse), one part, at most the bytes the guard
 * allowed. Every refusal is a problem document naming the rule.
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  constructor(@Inject(API_CONFIG) private readonly config: Config) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & UploadRequest & AuditableRequest>();
    const allowance = request.uploadAllowance ?? MAX_ATTACHMENT_BYTES;
    const parse = multer({
      storage: multer.memoryStorage(),
      // Browsers send a file's name in UTF-8 without saying so; busboy's default (latin1) turned
      // 户口簿.pdf into mojibake, which reviewers then saw and downloaded under.
      defParamCharset: 'utf8',
      limits: {
        fields: 0,
        fieldSize: 1024,
        fieldNameSize: 100,
        parts: 1,
        files: 1,
        headerPairs: 20,
        fileSize: allowance,
      },
    }).single('file');
    await new Promise<void>((resolve, reject) =>
      parse(request, http.getResponse<Response>(), (error: unknown) =>
        error ? reject(this.refusal(error, allowance, request)) : resolve(),
      ),
    );
    return next.handle();
  }

  private refusal(error: unknown, allowance: number, request: AuditableRequest): Error {
    // busboy's own errors: a body that is not well-formed multipart.
    if (!(error instanceof MulterError))
      return new RuleViolationError([violation('file', 'BAD_FORMAT')]);
    if (error.code === 'LIMIT_FILE_SIZE')
      return allowance < MAX_ATTACHMENT_BYTES
        ? new UploadQuotaError(uploadQuotaOf(this.config))
        : new AttachmentTooLargeError(MAX_ATTACHMENT_BYTES);
    // A part beyond the limits (a text field, a second file): refused by a limit, audited as such.
    request.refusal = { reason: `UPLOAD_${error.code}` };
    return new RuleViolationError([violation(error.field ?? 'file', 'UPLOAD_FILE_ONLY')]);
  }
}
