import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import {
  DEPARTMENT_QUERIES,
  ENDPOINT_NAMES,
  type DepartmentQuery,
} from '../integration/data-sharing/contracts';
import {
  POPULATION_ENDPOINT,
  POPULATION_PATH,
  populationRequestSchema,
} from '../integration/data-sharing/population-contract';
import { FaultInjector, faultSettingsSchema } from './faults';
import { generateFamilies } from './families';
import { FIXTURE_FAMILIES, FIXTURES } from './fixtures';
import { HttpProblem, parseJson, readBody, send } from './http';
import type { Family } from './family-records';
import { ANSWERS, Registries } from './registries';
import { schoolAgePopulation } from './school-age';
import { authenticateCallback, DepartmentRequestGate } from './signed-requests';

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
const FAULT_ENDPOINTS = [
  ...Object.values(ENDPOINT_NAMES),
  POPULATION_ENDPOINT,
  'platform-callback',
];

/** What one running simulator holds: its registries, faults, counters and received callbacks. */
interface SimulatorState {
  readonly registries: Registries;
  /** The generated families (fixtures aside), which the population interface aggregates. */
  readonly families: readonly Family[];
  readonly gate: DepartmentRequestGate;
  readonly callbackSecret: string;
  readonly faults: FaultInjector;
  readonly calls: Map<string, number>;
  readonly callbacks: ReceivedCallback[];
  readonly refusedCallbacks: ReceivedCallback[];
}

function count(state: SimulatorState, endpoint: string): void {
  state.calls.set(endpoint, (state.calls.get(endpoint) ?? 0) + 1);
}

/** What each department's registry answers; a request the schema rejects is a 400. */
function answer(registries: Registries, query: DepartmentQuery, payload: unknown): object {
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
  state: SimulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: DepartmentQuery,
): Promise<void> {
  const endpoint = ENDPOINT_NAMES[query];
  const body = await readBody(req);
  state.gate.authenticate(req, path, body);
  count(state, endpoint);
  const decision = state.faults.decide(endpoint, new Date());
  if (decision.kind === 'HANG') return; // never answered; the client's time-out fires
  if (decision.delayMs > 0) await delay(decision.delayMs);
  if (decision.kind === 'ERROR')
    return send(res, 503, { code: 'SERVICE_UNAVAILABLE', message: 'injected fault' });
  if (decision.kind === 'MALFORMED')
    return send(res, 200, { code: '0', data: { unexpected: true } });
  send(res, 200, answer(state.registries, query, parseJson(body)));
}

/** The population interface: a county's school-age children per catchment unit, aggregated. */
async function population(
  state: SimulatorState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req);
  state.gate.authenticate(req, POPULATION_PATH, body);
  count(state, POPULATION_ENDPOINT);
  const decision = state.faults.decide(POPULATION_ENDPOINT, new Date());
  if (decision.kind === 'HANG') return;
  if (decision.delayMs > 0) await delay(decision.delayMs);
  if (decision.kind === 'ERROR')
    return send(res, 503, { code: 'SERVICE_UNAVAILABLE', message: 'injected fault' });
  if (decision.kind === 'MALFORMED')
    return send(res, 200, { code: '0', data: { unexpected: true } });
  const parsed = populationRequestSchema.safeParse(parseJson(body));
  if (!parsed.success)
    throw new HttpProblem(
      400,
      'BAD_REQUEST',
      parsed.error.issues.map((i) => i.path.join('.')).join(', '),
    );
  const { countyCode, asOf } = parsed.data;
  const units = schoolAgePopulation(state.families, countyCode, asOf, state.families.length);
  send(res, 200, { code: '0', data: { countyCode, asOf, units } });
}

/** The platform's side of status callbacks: check the signature, then record what arrived. */
async function platformCallback(
  state: SimulatorState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req);
  const deliveryId = authenticateCallback(req, state.callbackSecret, body);
  count(state, 'platform-callback');
  const decision = state.faults.decide('platform-callback', new Date());
  const received = {
    deliveryId,
    receivedAt: new Date().toISOString(),
    body: parseJson(body) as Record<string, unknown>,
  };
  if (decision.kind !== 'ANSWER') state.refusedCallbacks.push(received);
  if (decision.kind === 'HANG') return;
  if (decision.delayMs > 0) await delay(decision.delayMs);
  if (decision.kind !== 'ANSWER')
    return send(res, 503, { code: 'SERVICE_UNAVAILABLE', message: 'injected fault' });
  state.callbacks.push(received);
  send(res, 200, { code: '0' });
}

/** Tests' controls: call counts, received callbacks, and faults per endpoint. */
async function admin(
  state: SimulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const { faults } = state;
  const m = /^\/__admin\/faults(?:\/([a-z-]+))?$/.exec(path);
  if (path === '/__admin/calls' && req.method === 'GET')
    return send(res, 200, Object.fromEntries(state.calls));
  if (path === '/__admin/callbacks' && req.method === 'GET') return send(res, 200, state.callbacks);
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

async function route(
  state: SimulatorState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://simulator').pathname;
  if (path === '/health')
    return send(res, 200, { status: 'ok', people: state.registries.people.size });
  if (path.startsWith('/__admin/')) return admin(state, req, res, path);
  if (path === CALLBACK_PATH && req.method === 'POST') return platformCallback(state, req, res);
  if (path === POPULATION_PATH && req.method === 'POST') return population(state, req, res);
  const query = QUERY_OF_PATH.get(path);
  if (query && req.method === 'POST') return department(state, req, res, path, query);
  throw new HttpProblem(404, 'NOT_FOUND', 'no such endpoint');
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const families = generateFamilies(options.seed, options.populationSize);
  const state: SimulatorState = {
    registries: new Registries(
      [...families, ...Object.values(FIXTURE_FAMILIES)],
      Object.values(FIXTURES),
    ),
    families,
    gate: new DepartmentRequestGate(options.appKey, options.appSecret),
    callbackSecret: options.callbackSecret,
    faults: new FaultInjector(options.seed),
    calls: new Map(),
    callbacks: [],
    refusedCallbacks: [],
  };
  const server: Server = createServer((req, res) => {
    route(state, req, res).catch((error: unknown) => {
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
  const { faults, calls, callbacks, refusedCallbacks } = state;
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
