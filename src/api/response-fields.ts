import { z } from 'zod';
import { CHANNELS, ENROLMENT_STATUSES, STAGES } from '../domain/enrolment';

/*
 * Pieces the response schemas of several features share. Responses are documented and checked
 * against the services' return types at compile time (@ZodResponse); they are not re-parsed at
 * run time, so a schema never changes what a client receives.
 */

export const status = z.enum(ENROLMENT_STATUSES).describe('Status of the case');
export const stage = z.enum(STAGES);
export const channel = z.enum(CHANNELS);
export const isoTime = z.string().describe('ISO 8601 date and time');

/**
 * A Date the service returns as it comes from the database; JSON carries it as an ISO string.
 * A DTO with one is created with `{ codec: true }`, so `/docs` shows the string.
 */
export const dbTime = z.codec(isoTime, z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** A JSON document stored as the writer produced it (evidence, facts, policy documents). */
export const storedJson = z.unknown().describe('JSON as stored');

/** Everything priority used: the eligibility assessment, for reviewers, operators and auditors. */
export const assessment = z
  .object({
    policyVersion: z.string(),
    eligible: z.boolean(),
    notes: storedJson,
    schools: storedJson,
    autoFill: storedJson,
    facts: storedJson,
    assessedAt: isoTime,
  })
  .nullable();

/** A status change a person asked for, as the case's workflow accepted it. */
export const transitionResult = z.object({ applicationNo: z.string(), status });

/** Bilingual words for the family about what happens next. */
export const guidance = z.object({
  actionRequired: z.boolean().describe('Whether the family has something to do'),
  zh: z.string(),
  en: z.string(),
});

export const timelineEntry = z.object({
  seq: z.number().int(),
  from: status.nullable(),
  to: status,
  actor: z.string(),
  channel: z.string().nullable(),
  reason: z.string().nullable(),
  at: isoTime,
});

/** A case of a batch the rules refused: why, in both languages; the others went on. */
export const refusal = z.object({
  applicationNo: z.string(),
  ok: z.literal(false),
  code: z.string(),
  detail: z.string(),
  detail_zh: z.string(),
});

/** One case of a batch: its own result, or why the rules refused it. */
export function settled<T extends z.ZodType>(result: T) {
  return z.discriminatedUnion('ok', [
    z.object({ applicationNo: z.string(), ok: z.literal(true), result }),
    refusal,
  ]);
}
