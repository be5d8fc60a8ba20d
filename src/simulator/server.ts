import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import {
  DEPARTMENT_QUERIES,
  ENDPOINT_NAMES,
  type DepartmentQuery,
} from '../integration/data-sharing/contracts';
import {
  MAX_CLOCK_SKEW_MS,
  SIGNATURE_HEADERS,
  signatureOf,
  signaturesEqual,
} from '../integration/data-sharing/signing';
import { CALLBACK_HEADERS, callbackSignature } from '../integration/platform/callback-signature';
import { FaultInjector, faultSettingsSchema } from './faults';
import { generateFamilies } from './families';
import { FIXTURE_FAMILIES, FIXTURES } from './fixtures';
import { ANSWERS, Registries } from './registries';

/**
 * Stand-in for the regional data-sharing exchange in development and tests: the same HTTP
 * contract, signing and failure modes as the real platform, over a synthetic population.
 */
export interface SimulatorOptions {
  readonly port: number;
  readonly host?: string;
  readonly appKey: string;
  readonly appSecret: string;
  readonly seed: number;
  /** Families in the synthetic population (each: a child, guardians, their registry records). */
  readonly populationSize: number;
  /** Shared with the service to check the signature of status callbacks. */
  readonly callbackSecret: string;
}

/** A status callback as the fake platform receiver got it. */
export interface ReceivedCallback {
  readonly deliveryId: string;
  readonly receivedAt: string;
  readonly body: Record<string, unknown>;
}

export interface RunningSimulator {
  readonly url: string;
  readonly faults: FaultInjector;
  readonly calls: Map<string, number>;
  /** Accepted status callbacks, in arrival order, duplicates included. */
  readonly callbacks: ReceivedCallback[];
  /** Signed callbacks a fault refused (503 or no answer), so a test can see retries per case. */
  readonly refusedCallbacks: ReceivedCallback[];
  close(): Promise<void>;
}

const QUERY_OF_PATH = new Map<string, DepartmentQuery>(
  (Object.keys(DEPARTMENT_QUERIES) as DepartmentQuery[]).map((q) => [
    DEPARTMENT_QUERIES[q].path,
    q,
  ]),
);
const CALLBACK_PATH = '/platform/callbacks';
const FAULT_ENDPOINTS = [...Object.values(ENDPOINT_NAMES), 'platform-callback'];

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpProblem(413, 'BODY_TOO_LARGE', 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'BAD_JSON', 'body is not JSON');
  }
}

class NonceLedger {
  private readonly seen = new Map<string, number>();
  /** True the first time a nonce is presented within the skew window. */
  admit(nonce: string, now: number): boolean {
    for (const [n, at] of this.seen) {
      if (now - at <= 2 * MAX_CLOCK_SKEW_MS) break;
      this.seen.delete(n);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now);
    return true;
  }
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const registries = new Registries(
    [...generateFamilies(options.seed, options.populationSize), ...Object.values(FIXTURE_FAMILIES)],
    Object.values(FIXTURES),
  );

  const faults = new FaultInjector(options.seed);
  const calls = new Map<string, number>();
  const nonces = new NonceLedger();
  const callbacks: ReceivedCallback[] = [];
  const refusedCallbacks: ReceivedCallback[] = [];

  function authenticate(req: IncomingMessage, path: string, body: string): void {
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const appKey = header(SIGNATURE_HEADERS.appKey);
    const timestamp = header(SIGNATURE_HEADERS.timestamp);
    const nonce = header(SIGNATURE_HEADERS.nonce);
    const signature = header(SIGNATURE_HEADERS.signature);
    if (!appKey || !timestamp || !nonce || !signature)
      throw new HttpProblem(401, 'UNSIGNED', 'request is not signed');
    if (appKey !== options.appKey) throw new HttpProblem(401, 'UNKNOWN_APP', 'unknown app key');
    const now = Date.now();
    if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > MAX_CLOCK_SKEW_MS) {
      throw new HttpProblem(401, 'STALE', 'request timestamp outside the allowed window');
    }
    const expected = signatureOf(options.appSecret, {
      method: req.method ?? 'POST',
      path,
      timestamp,
      nonce,
      body,
    });
    if (!signaturesEqual(expected, signature))
      throw new HttpProblem(401, 'BAD_SIGNATURE', 'signature does not match');
    if (!nonces.admit(nonce, now)) throw new HttpProblem(401, 'REPLAYED', 'nonce already used');
  }

  /** What each department's registry answers; a request the schema rejects is a 400. */
  function answer(query: DepartmentQuery, payload: unknown): object {
    const parsed = DEPARTMENT_QUERIES[query].request.safeParse(payload);
    if (!parsed.success)
      throw new HttpProblem(
        400,
        'BAD_REQUEST',
        parsed.error.issues.map((i) => i.path.join('.')).join(', '),
      );
    const found = (ANSWERS[query] as (r: Registries, q: unknown) => object | undefined)(
      registries,
      parsed.data,
    );
    return { code: '0', data: found ? { result: 'FOUND', ...found } : { result: 'NOT_FOUND' } };
  }

  async function department(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: DepartmentQuery,
  ): Promise<void> {
    const endpoint = ENDPOINT_NAMES[query];
    const body = await readBody(req);
    authenticate(req, path, body);
    calls.set(endpoint, (calls.get(endpoint) ?? 0) + 1);
    const decision = faults.decide(endpoint, new Date());
    if (decision.kind === 'HANG') return; // never answered; the client's time-out fires
    if (decision.delayMs > 0) await delay(decision.delayMs);
    if (decision.kind === 'ERROR')
      return send(res, 503, { code: 'SERVICE_UNAVAILABLE', message: 'injected fault' });
    if (decision.kind === 'MALFORMED')
      return send(res, 200, { code: '0', data: { unexpected: true } });
    send(res, 200, answer(query, parseJson(body)));
  }

  /** The platform's side of status callbacks: check the signature, then record what arrived. */
  async function platformCallback(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const timestamp = req.headers[CALLBACK_HEADERS.timestamp];
    const signature = req.headers[CALLBACK_HEADERS.signature];
    const deliveryId = req.headers[CALLBACK_HEADERS.deliveryId];
    if (
      typeof timestamp !== 'string' ||
      typeof signature !== 'string' ||
      typeof deliveryId !== 'string'
    ) {
      throw new HttpProblem(401, 'UNSIGNED', 'callback is not signed');
    }
    if (!signaturesEqual(callbackSignature(options.callbackSecret, timestamp, body), signature)) {
      throw new HttpProblem(401, 'BAD_SIGNATURE', 'callback signature does not match');
    }
    calls.set('platform-callback', (calls.get('platform-callback') ?? 0) + 1);
    const decision = faults.decide('platform-callback', new Date());
    const received = {
      deliveryId,
      receivedAt: new Date().toISOString(),
      body: parseJson(body) as Record<string, unknown>,
    };
    if (decision.kind !== 'ANSWER') refusedCallbacks.push(received);
    if (decision.kind === 'HANG') return;
    if (decision.delayMs > 0) await delay(decision.delayMs);
    if (decision.kind !== 'ANSWER')
      return send(res, 503, { code: 'SERVICE_UNAVAILABLE', message: 'injected fault' });
    callbacks.push(received);
    send(res, 200, { code: '0' });
  }

  async function admin(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const m = /^\/__admin\/faults(?:\/([a-z-]+))?$/.exec(path);
    if (path === '/__admin/calls' && req.method === 'GET')
      return send(res, 200, Object.fromEntries(calls));
    if (path === '/__admin/callbacks' && req.method === 'GET') return send(res, 200, callbacks);
    if (!m) throw new HttpProblem(404, 'NOT_FOUND', 'no such admin route');
    const endpoint = m[1];
    if (req.method === 'GET') return send(res, 200, faults.all());
    if (req.method === 'DELETE') {
      faults.clear(endpoint);
      return send(res, 200, faults.all());
    }
    if (req.method === 'PUT' && endpoint) {
      if (!FAULT_ENDPOINTS.includes(endpoint))
        throw new HttpProblem(404, 'NOT_FOUND', `unknown endpoint ${endpoint}`);
      const parsed = faultSettingsSchema.safeParse(parseJson(await readBody(req)));
      if (!parsed.success) throw new HttpProblem(400, 'BAD_REQUEST', parsed.error.message);
      faults.set(endpoint, parsed.data);
      return send(res, 200, faults.all());
    }
    throw new HttpProblem(405, 'METHOD_NOT_ALLOWED', 'method not allowed');
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://simulator').pathname;
    if (path === '/health') return send(res, 200, { status: 'ok', people: registries.people.size });
    if (path.startsWith('/__admin/')) return admin(req, res, path);
    if (path === CALLBACK_PATH && req.method === 'POST') return platformCallback(req, res);
    const query = QUERY_OF_PATH.get(path);
    if (query && req.method === 'POST') return department(req, res, path, query);
    throw new HttpProblem(404, 'NOT_FOUND', 'no such endpoint');
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof HttpProblem)
        send(res, error.status, { code: error.code, message: error.message });
      else send(res, 500, { code: 'INTERNAL', message: 'simulator error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    faults,
    calls,
    callbacks,
    refusedCallbacks,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
