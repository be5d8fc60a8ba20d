import { Readable } from 'node:stream';
import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import type { AuditFilter, AuditRepository } from '../../db/audit-repository';
import { countiesInScope, type Principal } from '../../domain/principal';
import { AUDIT } from '../injection-tokens';
import { csvLine } from './csv';
import type { AuditExportQueryDto, AuditQueryDto } from './dto';

type Row = Awaited<ReturnType<AuditRepository['search']>>[number];

const CSV_COLUMNS = [
  'id',
  'occurredAt',
  'actor',
  'role',
  'countyCode',
  'action',
  'result',
  'statusCode',
  'objectType',
  'objectId',
  'applicationNo',
  'beforeStatus',
  'afterStatus',
  'reason',
  'requestId',
  'clientRequestId',
  'sourceAddress',
  'details',
  'prevHash',
  'hash',
] as const satisfies readonly (keyof Row)[];

const EXPORT_PAGE = 1000;

/**
 * The audit log as an AUDITOR reads it: filtered and paged on the server, within the auditor's
 * counties (an auditor of the whole region, `450000`, sees every row, those of no county too).
 */
@Injectable()
export class AuditLogService {
  constructor(@Inject(AUDIT) private readonly audit: AuditRepository) {}

  async page(principal: Principal, query: AuditQueryDto) {
    const rows = await this.audit.search(filterOf(principal, query), {
      limit: query.limit + 1,
      ...(query.before && { before: BigInt(query.before) }),
    });
    const items = rows.slice(0, query.limit);
    return {
      items: items.map((r) => ({ ...r, id: String(r.id) })),
      nextBefore: rows.length > query.limit ? String(items.at(-1)!.id) : null,
    };
  }

  /** Every matching row as CSV, newest first, read a page at a time while it is sent. */
  export(principal: Principal, query: AuditExportQueryDto): StreamableFile {
    const filter = filterOf(principal, query);
    const audit = this.audit;
    async function* lines() {
      yield csvLine(CSV_COLUMNS);
      for (let before: bigint | undefined; ;) {
        const rows = await audit.search(filter, {
          limit: EXPORT_PAGE,
          ...(before !== undefined && { before }),
        });
        for (const row of rows) yield csvLine(CSV_COLUMNS.map((c) => row[c]));
        if (rows.length < EXPORT_PAGE) return;
        before = rows.at(-1)!.id;
      }
    }
    return new StreamableFile(Readable.from(lines()), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="audit-log.csv"',
    });
  }
}

function filterOf(principal: Principal, query: AuditExportQueryDto): AuditFilter {
  const { from, to, countyCode, actor, action, objectType, objectId, result } = query;
  return {
    ...(actor && { actor }),
    ...(action && { action }),
    ...(objectType && { objectType }),
    ...(objectId && { objectId }),
    ...(result && { result }),
    ...(from && { from: new Date(from) }),
    ...(to && { to: new Date(to) }),
    counties: countiesInScope(principal, countyCode),
  };
}
