import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { REPORTS } from '../../domain/reports/names';
import { stage } from '../response-fields';

export class ReportDto extends createZodDto(
  z.object({
    report: z.enum(REPORTS),
    countyCode: z.string(),
    stage,
    seasonYear: z.number().int(),
    generatedAt: z.string().describe('When the figures were counted (ISO 8601)'),
    columns: z
      .array(z.object({ key: z.string(), labelZh: z.string(), labelEn: z.string() }).readonly())
      .readonly(),
    rows: z
      .array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])).readonly())
      .readonly()
      .describe("One object per row, keyed by the columns' keys"),
  }),
) {}
