import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CHECK_OUTCOMES } from '../../../domain/enrolment';
import { booleanParam } from '../../query-params';
import { assessment, isoTime, stage, status, storedJson } from '../../response-fields';
import { problems, temporalUiLink } from './find';

/** Reading one case (inspect, history export, replay): masked unless an auditor asks. */

export class ConsoleReadQueryDto extends createZodDto(
  z.strictObject({
    unmasked: booleanParam
      .optional()
      .describe(
        'AUDITOR only: personal data unmasked (each read audited); other roles get 403. Default: masked',
      ),
  }),
) {}

export class CaseInspectionDto extends createZodDto(
  z.object({
    applicationNo: z.string(),
    workflowId: z.string(),
    runId: z.string(),
    runStatus: z.string(),
    status,
    countyCode: z.string(),
    stage,
    problems,
    timeline: z.array(
      z.object({
        step: z.number().int(),
        from: status.nullable(),
        to: status,
        actor: z.string(),
        reason: z.string().nullable(),
        at: isoTime,
      }),
    ),
    evidence: z.array(
      z.object({
        check: z.string(),
        outcome: z.enum(CHECK_OUTCOMES),
        mismatchedFields: z.array(z.string()),
        evidence: storedJson,
        checkedAt: isoTime,
      }),
    ),
    assessment,
    pendingActivities: z
      .array(
        z.object({
          activityId: z.string(),
          activityType: z.string(),
          state: z.string(),
          attempt: z.number().int(),
          maximumAttempts: z.number().int(),
          lastFailure: z.string().nullable(),
          lastAttemptAt: isoTime.nullable(),
          nextAttemptAt: isoTime.nullable(),
        }),
      )
      .readonly(),
    workflowTask: z.object({
      attempt: z.number().int(),
      lastFailure: z.object({ at: isoTime, cause: z.string(), message: z.string() }).nullable(),
    }),
    history: z
      .array(
        z.object({
          at: isoTime,
          eventIds: z.array(z.number().int()).readonly(),
          text: z.string(),
          resetPoint: z.number().int().nullable().describe('A step the case can be reset to'),
        }),
      )
      .describe("Temporal's history in steps a person reads"),
    resets: z.array(
      z.object({
        at: isoTime,
        previousRunId: z.string(),
        runId: z.string(),
        keptThroughStep: z.number().int(),
        undone: storedJson,
      }),
    ),
    audit: z.array(
      z.object({
        at: isoTime,
        actor: z.string(),
        role: z.string(),
        action: z.string(),
        before: z.string().nullable(),
        after: z.string().nullable(),
        reason: z.string().nullable(),
        details: storedJson,
      }),
    ),
    links: temporalUiLink,
    masked: z.boolean().describe('false only for an AUDITOR who asked for unmasked (audited)'),
  }),
) {}

export class ReplayVerdictDto extends createZodDto(
  z.object({
    ok: z.boolean().describe('true: the current code replays the history'),
    applicationNo: z.string(),
    runId: z.string(),
    events: z.number().int(),
    determinism: z
      .boolean()
      .optional()
      .describe('When not ok: true if the code no longer makes the recorded decisions'),
    error: z.string().optional(),
  }),
) {}
