import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { PROBLEMS } from '../../../domain/case-history/problems';
import { ENROLMENT_STATUSES, STAGES } from '../../../domain/enrolment';
import { booleanParam, countyCodeParam } from '../../query-params';
import { isoTime, stage, status } from '../../response-fields';

/** Finding stuck cases and counting them: what the list takes and answers. */

export class StuckCasesQueryDto extends createZodDto(
  z.strictObject({
    status: z.enum(ENROLMENT_STATUSES).optional(),
    countyCode: countyCodeParam
      .optional()
      .describe('One county of your scope (default: all of it)'),
    stage: z.enum(STAGES).optional(),
    problem: z
      .enum(PROBLEMS)
      .optional()
      .describe('Only cases showing this problem (default: any problem)'),
    overdue: booleanParam.optional(),
    minAttempts: z.coerce
      .number()
      .int()
      .min(2)
      .max(1000)
      .default(3)
      .describe('An activity on this attempt or later counts as failing'),
    minHoursInState: z.coerce
      .number()
      .min(0)
      .max(24 * 365)
      .default(72)
      .describe('A case in one status this long counts as LONG_IN_STATE'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    pageToken: z
      .string()
      .max(4096)
      .regex(/^[A-Za-z0-9_.-]+$/)
      .optional()
      .describe('nextPageToken of the previous page (same filters)'),
  }),
) {}

export class ProblemCountsQueryDto extends createZodDto(
  z.strictObject({
    countyCode: countyCodeParam.optional(),
    minAttempts: z.coerce.number().int().min(2).max(1000).default(3),
    minHoursInState: z.coerce
      .number()
      .min(0)
      .max(24 * 365)
      .default(72),
  }),
) {}

export const problems = z.array(z.enum(PROBLEMS));
export const temporalUiLink = z.object({
  temporalUi: z.string().describe("The run in Temporal's Web UI"),
});

export class StuckCasesPageDto extends createZodDto(
  z.object({
    items: z.array(
      z.object({
        applicationNo: z.string().nullable(),
        workflowId: z.string(),
        runId: z.string(),
        status: status.nullable(),
        countyCode: z.string().nullable(),
        stage: stage.nullable(),
        inStatusSince: isoTime.nullable(),
        reviewOverdue: z.boolean(),
        problems,
        failingActivities: z.array(
          z.object({
            activityType: z.string(),
            attempt: z.number().int(),
            lastFailure: z.string().nullable(),
            nextAttemptAt: isoTime.nullable(),
          }),
        ),
        workflowTaskAttempt: z
          .number()
          .int()
          .nullable()
          .describe(
            'Attempt of the pending workflow task; null in the ACTIVITY_FAILING list, which reads the failing-activity projection instead of describing each run',
          ),
        links: temporalUiLink,
      }),
    ),
    scanned: z
      .number()
      .int()
      .describe(
        'Running cases looked at for this page (for ACTIVITY_FAILING: the failing cases read)',
      ),
    nextPageToken: z.string().nullable(),
  }),
) {}

export class ProblemCountsDto extends createZodDto(
  z.object({
    byStatus: z.record(z.string(), z.number().int()).describe('Cases per status (read model)'),
    running: z.number().int(),
    byProblem: z
      .record(z.string(), z.number().int())
      .describe(
        'Open cases per problem: ACTIVITY_FAILING (the failing-activity projection), REVIEW_OVERDUE and LONG_IN_STATE (read model); WORKFLOW_TASK_FAILING only through the list',
      ),
  }),
) {}
