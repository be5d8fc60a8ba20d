import { currentSession } from './session';

/** One broken rule, as the API's problem documents list them (src/domain/forms/violations.ts). */
export interface Violation {
  readonly path: string;
  readonly code: string;
  readonly message_zh: string;
  readonly message_en: string;
}

/** An application/problem+json answer, kept whole so pages can place each violation. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detailZh: string,
    readonly detailEn: string,
    readonly violations: readonly Violation[],
  ) {
    super(`${status} ${code}: ${detailEn}`);
  }
}

interface Problem {
  code?: string;
  detail?: string;
  detail_zh?: string;
  violations?: Violation[];
}

async function problemOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as Problem;
  return new ApiError(
    response.status,
    body.code ?? `HTTP_${response.status}`,
    body.detail_zh ?? body.detail ?? response.statusText,
    body.detail ?? response.statusText,
    body.violations ?? [],
  );
}

export interface RequestOptions {
  readonly body?: unknown;
  readonly form?: FormData;
  readonly idempotencyKey?: string;
}

/** Calls the public API with the signed-in person's token; a problem document becomes ApiError. */
export async function api<T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = currentSession()?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(path, { method, headers, body });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

/** A document behind the API, fetched with the token and shown from a blob: URL. */
export async function blobUrl(path: string): Promise<{ url: string; type: string }> {
  const token = currentSession()?.token;
  const response = await fetch(path, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw await problemOf(response);
  const blob = await response.blob();
  return { url: URL.createObjectURL(blob), type: blob.type };
}

/** Builds a query string from the filters that are set. */
export function query(
  params: Record<string, string | number | boolean | undefined | null>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
