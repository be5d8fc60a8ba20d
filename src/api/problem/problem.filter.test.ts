import { Metadata, status } from '@grpc/grpc-js';
import type { ArgumentsHost } from '@nestjs/common';
import { ServiceError } from '@temporalio/client';
import { Prisma } from '../../generated/prisma/client';
import type { AuditTrail } from '../audit/audit-trail';
import { ProblemFilter } from './problem.filter';

/** What the filter sends for an exception: status, Retry-After and the problem document. */
async function answerTo(exception: unknown) {
  const sent: { status?: number; headers: Record<string, string>; body?: string } = {
    headers: {},
  };
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const response = {
    setHeader: (name: string, value: string) => void (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    type() {
      return this;
    },
    send(body: string) {
      sent.body = body;
      done();
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({}), getResponse: () => response }),
  } as unknown as ArgumentsHost;
  const trail = { ended: () => Promise.resolve() } as unknown as AuditTrail;
  new ProblemFilter(trail).catch(exception, host);
  await finished;
  return { ...sent, problem: JSON.parse(sent.body!) as Record<string, unknown> };
}

const prismaError = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError('database said no', {
    code,
    clientVersion: '7',
    ...(meta && { meta }),
  });

/** A raw query's failure as @prisma/adapter-pg wraps it: P2010 around the driver's own error. */
const adapterError = (cause: Record<string, unknown>) =>
  prismaError('P2010', { driverAdapterError: { name: 'DriverAdapterError', cause } });

/** Temporal's client error around a gRPC status, as a call to an unreachable frontend ends. */
const temporalError = (code: status) =>
  new ServiceError('Failed to start Workflow', {
    cause: Object.assign(new Error(`${code} frontend said no`), {
      code,
      details: 'frontend said no',
      metadata: new Metadata(),
    }),
  });

/** 503 with Retry-After and the problem's code, in both languages, and nothing of the cause. */
async function expectComeBackLater(exception: unknown, code: string): Promise<void> {
  const answer = await answerTo(exception);
  expect(answer.status).toBe(503);
  expect(answer.headers['Retry-After']).toBe('5');
  expect(answer.problem).toMatchObject({
    code,
    retryAfterSeconds: 5,
    detail: expect.stringMatching(/5 s/),
    detail_zh: expect.stringMatching(/5 秒/),
  });
  expect(answer.body).not.toMatch(/said no/);
}

describe('the API’s answer when the database has no connection to give', () => {
  it.each(['P2037', 'P2024'])(
    'answers %s with 503 and when to come back, in both languages',
    (code) => expectComeBackLater(prismaError(code), 'DATABASE_BUSY'),
  );

  it('keeps any other database failure a 500 that says nothing of it', async () => {
    const answer = await answerTo(prismaError('P2002'));
    expect(answer.status).toBe(500);
    expect(answer.headers['Retry-After']).toBeUndefined();
    expect(answer.problem.code).toBe('INTERNAL_ERROR');
    expect(answer.body).not.toMatch(/database said no/);
  });
});

describe('the API’s answer when the database or Temporal is restarting or unreachable', () => {
  it.each([
    ['Prisma cannot reach the database (P1001)', prismaError('P1001')],
    ['the database hung up (P1017)', prismaError('P1017')],
    [
      'a connection the server shut down (57P01)',
      adapterError({ kind: 'postgres', code: '57P01' }),
    ],
    ['a connection exception (08006)', adapterError({ kind: 'postgres', code: '08006' })],
    ['a connection reset', adapterError({ kind: 'ConnectionClosed' })],
    ['a refused connection', adapterError({ kind: 'DatabaseNotReachable', host: 'h', port: 1 })],
    [
      'a transaction’s connection cut',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['Temporal’s frontend unreachable', temporalError(status.UNAVAILABLE)],
  ])('answers %s with 503 and when to come back, in both languages', (_, exception) =>
    expectComeBackLater(exception, 'SERVICE_UNAVAILABLE'),
  );

  it.each([
    ['a query the database refused (42P01)', adapterError({ kind: 'postgres', code: '42P01' })],
    ['Temporal refusing a call (INVALID_ARGUMENT)', temporalError(status.INVALID_ARGUMENT)],
    ['an error of the service itself', new Error('Connection pool of my own is broken')],
  ])('keeps %s a 500', async (_, exception) => {
    const answer = await answerTo(exception);
    expect(answer.status).toBe(500);
    expect(answer.problem.code).toBe('INTERNAL_ERROR');
  });
});
