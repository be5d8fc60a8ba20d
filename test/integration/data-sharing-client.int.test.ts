import { randomUUID } from 'node:crypto';
import {
  DataSharingClient,
  DepartmentRejectedError,
  DepartmentUnavailableError,
} from '../../src/integration/data-sharing/client';
import { DEPARTMENT_QUERIES } from '../../src/integration/data-sharing/contracts';

const IDENTITY_CHECK_PATH = DEPARTMENT_QUERIES.identity.path;
import { SIGNATURE_HEADERS, signatureOf } from '../../src/integration/data-sharing/signing';
import type { FaultRequest } from '../../src/simulator/faults';
import { FIXTURES, UNREGISTERED } from '../../src/simulator/fixtures';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server';
import { scaled } from '../support/time-scale';

const KEY = 'client-test';
const SECRET = 'client-test-secret-0123';
/** Short, so the time-out cases are quick; scaled, so a loaded machine's answer is in time. */
const TIMEOUT_MS = scaled(500);

describe('the data-sharing client against the simulator, over HTTP', () => {
  let simulator: RunningSimulator;
  let sut: DataSharingClient;

  beforeAll(async () => {
    simulator = await startSimulator({
      port: 0,
      appKey: KEY,
      appSecret: SECRET,
      seed: 3,
      populationSize: 50,
      callbackSecret: 'not-used-by-these-tests',
    });
    sut = new DataSharingClient({
      baseUrl: simulator.url,
      appKey: KEY,
      appSecret: SECRET,
      timeoutMs: TIMEOUT_MS,
    });
  });
  afterAll(() => simulator?.close());
  afterEach(() => simulator.faults.clear());

  const person = FIXTURES.huangSiqi;

  it('finds a registered person', async () => {
    const response = await sut.query('identity', { name: person.name, idNumber: person.idNumber });
    expect(response.data).toEqual({
      result: 'FOUND',
      nameMatches: true,
      record: {
        name: person.name,
        gender: person.gender,
        birthDate: person.birthDate,
        divisionCode: person.divisionCode,
        alive: true,
      },
    });
  });

  it('says NOT_FOUND for a number the registry never issued', async () => {
    expect(
      (await sut.query('identity', { name: UNREGISTERED.name, idNumber: UNREGISTERED.idNumber }))
        .data,
    ).toEqual({ result: 'NOT_FOUND' });
  });

  it('is refused (non-retryable) with the wrong secret', async () => {
    const wrong = new DataSharingClient({
      baseUrl: simulator.url,
      appKey: KEY,
      appSecret: 'not-the-secret-000',
      timeoutMs: TIMEOUT_MS,
    });
    await expect(
      wrong.query('identity', { name: person.name, idNumber: person.idNumber }),
    ).rejects.toBeInstanceOf(DepartmentRejectedError);
  });

  it('rejects unsigned, stale and replayed requests', async () => {
    const body = JSON.stringify({ name: person.name, idNumber: person.idNumber });
    const post = (headers: Record<string, string>) =>
      fetch(new URL(IDENTITY_CHECK_PATH, simulator.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    const signed = (timestamp: number, nonce: string) => ({
      [SIGNATURE_HEADERS.appKey]: KEY,
      [SIGNATURE_HEADERS.timestamp]: String(timestamp),
      [SIGNATURE_HEADERS.nonce]: nonce,
      [SIGNATURE_HEADERS.signature]: signatureOf(SECRET, {
        method: 'POST',
        path: IDENTITY_CHECK_PATH,
        timestamp: String(timestamp),
        nonce,
        body,
      }),
    });
    expect((await post({})).status).toBe(401);
    expect(await (await post(signed(Date.now() - 10 * 60_000, randomUUID()))).json()).toMatchObject(
      { code: 'STALE' },
    );
    const once = signed(Date.now(), randomUUID());
    expect((await post(once)).status).toBe(200);
    expect(await (await post(once)).json()).toMatchObject({ code: 'REPLAYED' });
  });

  it.each<[string, FaultRequest]>([
    ['an outage', { outageUntil: new Date(Date.now() + scaled(60_000)).toISOString() }],
    ['errors', { errorRate: 1 }],
    ['a hang past the time-out', { timeoutRate: 1 }],
    ['a malformed answer', { malformedRate: 1 }],
    ['latency past the time-out', { latencyMs: 3 * TIMEOUT_MS }],
  ])('reports %s as unavailable (retryable)', async (_what, fault) => {
    simulator.faults.set('identity', fault);
    await expect(
      sut.query('identity', { name: person.name, idNumber: person.idNumber }),
    ).rejects.toBeInstanceOf(DepartmentUnavailableError);
  });

  it('switches faults on and off at run time through the admin API', async () => {
    const put = await fetch(`${simulator.url}/__admin/faults/identity`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 1 }),
    });
    expect(put.status).toBe(200);
    await expect(
      sut.query('identity', { name: person.name, idNumber: person.idNumber }),
    ).rejects.toBeInstanceOf(DepartmentUnavailableError);
    await fetch(`${simulator.url}/__admin/faults/identity`, { method: 'DELETE' });
    await expect(
      sut.query('identity', { name: person.name, idNumber: person.idNumber }),
    ).resolves.toMatchObject({ code: '0' });
  });
});
