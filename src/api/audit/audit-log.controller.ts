import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { Principal } from '../../domain/principal';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { AuditObject, AuditRead } from './audited';
import { AuditLogService } from './audit-log.service';
import { AuditExportQueryDto, AuditPageDto, AuditQueryDto } from './dto';

/** The audit log, for auditors only (等保 separation of duties); reading it is audited too. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('AUDITOR')
@AuditObject('audit-log')
@Controller('audit')
export class AuditLogController {
  constructor(private readonly log: AuditLogService) {}

  @Get('events')
  @AuditRead()
  @ZodResponse({ status: 200, type: AuditPageDto })
  @ApiOperation({ summary: 'Audit rows, newest first, filtered and paged (docs/audit.md)' })
  events(@Query() query: AuditQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.log.page(principal, query);
  }

  @Get('events/csv')
  @AuditRead()
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'A header line, then one line per row, newest first (columns as in /audit/events)',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiOperation({ summary: 'Every audit row the filters match, as CSV' })
  export(@Query() query: AuditExportQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.log.export(principal, query);
  }
}
