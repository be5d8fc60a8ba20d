import type { ArgumentsHost } from '@nestjs/common';
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

const prismaError = (code: string) =>
  new Prisma.PrismaClientKnownRequestError('database said no', { code, clientVersion: '7' });

describe('the API’s answer when the database has no connection to give', () => {
  it.each(['P2037', 'P2024'])(
    'answers %s with 503 and when to come back, in both languages',
    async (code) => {
      const answer = await answerTo(prismaError(code));
      expect(answer.status).toBe(503);
      expect(answer.headers['Retry-After']).toBe('5');
      expect(answer.problem).toMatchObject({
        code: 'DATABASE_BUSY',
        retryAfterSeconds: 5,
        detail: expect.stringMatching(/5 s/),
        detail_zh: expect.stringMatching(/5 秒/),
      });
      expect(answer.body).not.toMatch(/database said no/);
    },
  );

  it('keeps any other database failure a 500 that says nothing of it', async () => {
    const answer = await answerTo(prismaError('P2002'));
    expect(answer.status).toBe(500);
    expect(answer.headers['Retry-After']).toBeUndefined();
    expect(answer.problem.code).toBe('INTERNAL_ERROR');
    expect(answer.body).not.toMatch(/database said no/);
  });
});
