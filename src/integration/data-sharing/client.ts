import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { departmentCallDuration } from '../../observability/metrics';
import { SIGNATURE_HEADERS, signatureOf } from './signing';
import {
  DEPARTMENT_QUERIES,
  ENDPOINT_NAMES,
  type DepartmentQuery,
  type QueryRequest,
  type QueryResponse,
} from './contracts';
import {
  POPULATION_ENDPOINT,
  POPULATION_PATH,
  populationResponseSchema,
  type PopulationRequest,
  type PopulationResponse,
} from './population-contract';

export interface DataSharingClientOptions {
  readonly baseUrl: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly timeoutMs: number;
}

/** Why a department did not answer usefully, as the call-duration metric counts it. */
export type UnavailableKind = 'unavailable' | 'timeout' | 'network_error' | 'bad_response';

/** The department did not answer usefully (5xx, time-out, network, malformed body): try again later. */
export class DepartmentUnavailableError extends Error {
  constructor(
    readonly endpoint: string,
    readonly kind: UnavailableKind,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Data-sharing endpoint ${endpoint} unavailable: ${reason}`, options);
    this.name = 'DepartmentUnavailableError';
  }
}

/** The department refused the request itself (4xx): retrying the same request cannot help. */
export class DepartmentRejectedError extends Error {
  constructor(
    readonly endpoint: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`Data-sharing endpoint ${endpoint} rejected the request with HTTP ${status}`);
    this.name = 'DepartmentRejectedError';
  }
}

/** HTTP client for the regional data-sharing exchange (real platform or the simulator). */
export class DataSharingClient {
  constructor(private readonly options: DataSharingClientOptions) {}

  /** One query of one department's interface; the answer is checked against its schema. */
  async query<Q extends DepartmentQuery>(
    query: Q,
    request: QueryRequest<Q>,
  ): Promise<QueryResponse<Q>> {
    const { path, response } = DEPARTMENT_QUERIES[query];
    return this.timed(
      ENDPOINT_NAMES[query],
      async () => (await this.post(path, request, response)) as QueryResponse<Q>,
    );
  }

  /** The 公安 population interface: a county's school-age children per catchment unit. */
  async schoolAgePopulation(request: PopulationRequest): Promise<PopulationResponse['data']> {
    return this.timed(
      POPULATION_ENDPOINT,
      async () => (await this.post(POPULATION_PATH, request, populationResponseSchema)).data,
    );
  }

  /** A call, observed in the call-duration metric with its outcome. */
  private async timed<T>(department: string, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    let outcome: UnavailableKind | 'ok' | 'rejected' = 'ok';
    try {
      return await call();
    } catch (error) {
      outcome =
        error instanceof DepartmentRejectedError
          ? 'rejected'
          : error instanceof DepartmentUnavailableError
            ? error.kind
            : 'unavailable';
      throw error;
    } finally {
      departmentCallDuration.observe({ department, outcome }, (performance.now() - started) / 1000);
    }
  }

  private async post<S extends z.ZodType>(
    path: string,
    payload: unknown,
    schema: S,
  ): Promise<z.infer<S>> {
    const body = JSON.stringify(payload);
    const timestamp = String(Date.now());
    const nonce = randomUUID();
    const headers = {
      'content-type': 'application/json',
      [SIGNATURE_HEADERS.appKey]: this.options.appKey,
      [SIGNATURE_HEADERS.timestamp]: timestamp,
      [SIGNATURE_HEADERS.nonce]: nonce,
      [SIGNATURE_HEADERS.signature]: signatureOf(this.options.appSecret, {
        method: 'POST',
        path,
        timestamp,
        nonce,
        body,
      }),
    };
    let response: Response;
    try {
      response = await fetch(new URL(path, this.options.baseUrl), {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new DepartmentUnavailableError(
        path,
        timedOut ? 'timeout' : 'network_error',
        timedOut ? 'timed out' : 'no response',
        { cause: error },
      );
    }
    const text = await response.text().catch(() => '');
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      throw new DepartmentUnavailableError(path, 'unavailable', `HTTP ${response.status}`);
    }
    if (!response.ok) throw new DepartmentRejectedError(path, response.status, text.slice(0, 500));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new DepartmentUnavailableError(path, 'bad_response', 'malformed JSON', {
        cause: error,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new DepartmentUnavailableError(path, 'bad_response', 'unexpected response shape', {
        cause: parsed.error,
      });
    }
    return parsed.data;
  }
}
