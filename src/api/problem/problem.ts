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
  res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
