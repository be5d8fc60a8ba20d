import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ATTACHMENT_TYPES } from '../../domain/attachments';
import { AuditObject, AuditRead } from '../audit/audited';
import { Roles } from '../auth/auth.decorators';
import { Caller, type CallerContext } from '../auth/caller';
import { CaseFileService } from './case-file.service';
import { CaseFileDto } from './dto';

@ApiTags('review')
@ApiBearerAuth()
@Roles('REVIEWER')
@AuditObject('application')
@Controller('applications')
export class CaseFilesController {
  constructor(private readonly files: CaseFileService) {}

  @Get(':applicationNo/case-file')
  @AuditRead()
  @ZodResponse({ status: 200, type: CaseFileDto })
  @ApiOperation({
    summary: "The case's papers: the family's statement, every supplement and every document",
  })
  read(@Param('applicationNo') applicationNo: string, @Caller() caller: CallerContext) {
    return this.files.read(applicationNo, caller);
  }

  @Get(':applicationNo/attachments/:sha256')
  @AuditRead()
  @ApiProduces(...ATTACHMENT_TYPES)
  @ApiOkResponse({
    description: 'The document as the family uploaded it, to save (Content-Disposition)',
    content: Object.fromEntries(
      ATTACHMENT_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
  @ApiOperation({ summary: 'Download one document of the case (audited)' })
  async download(
    @Param('applicationNo') applicationNo: string,
    @Param('sha256') sha256: string,
    @Caller() caller: CallerContext,
  ): Promise<StreamableFile> {
    const { content, mimeType, fileName } = await this.files.document(
      applicationNo,
      sha256,
      caller,
    );
    return new StreamableFile(content, {
      type: mimeType,
      length: content.length,
      disposition: contentDisposition(fileName),
    });
  }
}

/**
 * Always a download, never shown inline (a document is the family's, not the API's page); the
 * name in ASCII for old clients and in UTF-8 (RFC 6266, 8187) for the rest.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
