import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AUDIT_RESULTS } from '../../db/audit-repository';
import { countyCodeParam } from '../query-params';
import { dbTime, storedJson } from '../response-fields';

const term = z.string().min(1).max(200);

export const auditFilterFields = {
  from: z.iso.datetime({ offset: true }).optional().describe('From this time (inclusive)'),
  to: z.iso.datetime({ offset: true }).optional().describe('Until this time (exclusive)'),
  actor: term.optional().describe('Exactly this subject, e.g. reviewer:r-1'),
  action: term.optional().describe('Exactly this action, e.g. applications.get or DECIDE'),
  objectType: term.optional().describe('application, policy, school, season, round…'),
  objectId: term.optional().describe('Exactly this object, e.g. an application number'),
  result: z.enum(AUDIT_RESULTS).optional(),
  countyCode: countyCodeParam.optional().describe('One county of your scope (default: all of it)'),
};

export class AuditExportQueryDto extends createZodDto(z.strictObject(auditFilterFields)) {}

export class AuditQueryDto extends createZodDto(
  z.strictObject({
    ...auditFilterFields,
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: z
      .string()
      .regex(/^\d{1,19}$/)
      .optional()
      .describe('nextBefore of the previous page: rows older than this id'),
  }),
) {}

export const auditEvent = z.object({
  id: z.string(),
  occurredAt: dbTime,
  actor: z.string(),
  role: z.string(),
  countyCode: z.string().nullable(),
  action: z.string(),
  result: z.string().describe(AUDIT_RESULTS.join(', ')),
  statusCode: z.number().int().nullable(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  applicationNo: z.string().nullable(),
  beforeStatus: z.string().nullable(),
  afterStatus: z.string().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable().describe("The server's id of the request"),
  clientRequestId: z.string().nullable().describe("The caller's own X-Request-Id, as sent"),
  sourceAddress: z.string().nullable(),
  details: storedJson.nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

export class AuditPageDto extends createZodDto(
  z.object({
    items: z.array(auditEvent),
    nextBefore: z.string().nullable().describe('Pass as `before` for the next page; null: no more'),
  }),
  { codec: true },
) {}
