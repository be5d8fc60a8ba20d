import type { Response } from 'express';

/** RFC 9457 problem document, with Chinese and English text for the person reading it. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly detail_zh: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(
  status: number,
  code: string,
  detailEn: string,
  detailZh: string,
  extra: Record<string, unknown> = {},
): Problem {
  return {
    type: `urn:gx-enrolment:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: code,
    status,
    code,
    detail: detailEn,
    detail_zh: detailZh,
    ...extra,
  };
}

export function sendProblem(res: Response, body: Problem): void {
  // Every refusal that names when to come back says it in the header too (RFC 9110 §10.2.3).
  if ((body.status === 429 || body.status === 503) && typeof body.retryAfterSeconds === 'number')
    res.setHeader('Retry-After', String(body.retryAfterSeconds));
  res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
