import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { maskResidentId, parseResidentId } from '../../src/domain/resident-id';
import { eventually } from '../support/eventually';
import { formForFamily } from '../../src/testing/forms';
import { freePort } from '../support/free-port';
import {
  bundleWorkflows,
  registryFamilies,
  startHarness,
  workerProcessEnv,
  type Harness,
} from '../support/harness';
import { INVALID_CASES } from '../../src/testing/invalid-bodies';
import { parseScrape, sampleValue } from '../support/prometheus';
import {
  spawnServiceProcess,
  spawnWorkerProcess,
  type ServiceProcess,
} from '../support/worker-process';
import { tokens } from '../support/auth';

type LogLine = Record<string, unknown>;

/** Every string of 15 or more digits (and a trailing X) in what a test sent. */
const idLike = (value: unknown) => JSON.stringify(value).match(/\d{15,}[\dXx]?/g) ?? [];

/** Every valid ID number anywhere in a line, also inside a longer run of digits. */
const validIdsIn = (line: string) =>
  [...line.matchAll(/(?=(\d{17}[\dX]))/g)].map((m) => m[1]!).filter((s) => parseResidentId(s).ok);

describe('the logs of the API and worker processes', () => {
  let sut: Harness;
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let apiUrl: string;
  let workerMetricsUrl: string;
  /** Tokens as the processes' own GUARDIAN_KEY_SECRET keys a guardian. */
  let auth: ReturnType<typeof tokens>;

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows(), withoutWorker: true });
    const env = {
      ...workerProcessEnv(sut),
      CHILD_KEY_SECRET: `test-${randomUUID()}`,
      GUARDIAN_KEY_SECRET: `test-guardian-${randomUUID()}`,
      LOG_LEVEL: 'debug',
    };
    auth = tokens({ ...sut.config, GUARDIAN_KEY_SECRET: env.GUARDIAN_KEY_SECRET });
    const [apiPort, metricsPort] = [await freePort(), await freePort()];
    apiUrl = `http://127.0.0.1:${apiPort}`;
    workerMetricsUrl = `http://127.0.0.1:${metricsPort}`;
    [api, worker] = await Promise.all([
      spawnServiceProcess(
        'src/main/api.ts',
        { ...env, API_HOST: '127.0.0.1', API_PORT: String(apiPort) },
        'API listening',
      ),
      spawnWorkerProcess({
        ...env,
        WORKER_LOG_LEVEL: 'DEBUG',
        WORKER_METRICS_PORT: String(metricsPort),
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await sut?.close();
  });

  it('are JSON lines, each request with its id, and carry no ID number unmasked', async () => {
    const parent = { Authorization: await sut.auth.parent('family-logs') };
    const sent: unknown[] = [];

    // Real cases, through verification by the worker process.
    const forms = registryFamilies
      .filter((f) => f.countyCode === '450103')
      .slice(10, 12)
      .map((f) => formForFamily(f));
    const numbers: string[] = [];
    for (const [i, form] of forms.entries()) {
      sent.push(form);
      const created = await request(apiUrl)
        .post('/applications')
        .set({ Authorization: await auth.parent('family-logs', form) })
        .set('X-Request-Id', `logs-submit-${i}`)
        .send(form);
      expect(created.status).toBe(201);
      numbers.push(created.body.applicationNo as string);
    }

    // Bodies that fail validation, each full of ID numbers, right and wrong.
    for (const invalid of INVALID_CASES) {
      sent.push(invalid.body);
      const refused = await request(apiUrl)
        .post('/applications')
        .set(parent)
        .send(invalid.body as object);
      expect(refused.status).toBe(400);
    }
    const childId = (forms[0]!.child as { idNumber: string }).idNumber;
    const guardianId = (forms[0]!.guardians as { idNumber: string }[])[0]!.idNumber;
    sent.push(childId, guardianId);
    const malformed = await request(apiUrl)
      .post('/applications')
      .set(parent)
      .set('X-Request-Id', 'logs-malformed')
      .set('content-type', 'application/json')
      .send(`{"child": {"idNumber": "${childId}"`);
    expect(malformed.status).toBe(400);
    const notJson = await request(apiUrl)
      .post('/applications')
      .set(parent)
      .set('content-type', 'text/plain')
      .send(`idNumber=${guardianId}`);
    expect(notJson.status).toBe(415);

    // ID numbers in paths and queries: a case route that finds nothing, and no route at all.
    const missing = await request(apiUrl)
      .get(`/applications/${childId}`)
      .set(parent)
      .set('X-Request-Id', 'logs-404');
    expect(missing.status).toBe(404);
    expect((await request(apiUrl).get(`/people/${guardianId}?idNumber=${childId}`)).status).toBe(
      404,
    );

    await eventually(
      async () => {
        const rows = await sut.database.db.application.findMany({
          where: { applicationNo: { in: numbers } },
        });
        return rows.length === numbers.length && rows.every((r) => r.status === 'AWAITING_REVIEW')
          ? true
          : undefined;
      },
      'the worker process to verify the cases',
      90_000,
    );
    const read = await request(apiUrl)
      .get(`/applications/${numbers[0]}`)
      .set(parent)
      .set('X-Request-Id', 'logs-read');
    expect(read.status).toBe(200);

    // The worker process serves its own metrics: its department calls and checks.
    const workerScrape = await request(workerMetricsUrl).get('/metrics');
    expect(workerScrape.status).toBe(200);
    const workerSamples = parseScrape(workerScrape.text);
    expect(
      sampleValue(workerSamples, 'gx_enrolment_department_call_duration_seconds_count', {
        department: 'identity',
        outcome: 'ok',
      }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      sampleValue(workerSamples, 'gx_enrolment_verification_checks_total', {
        check: 'IDENTITY',
        outcome: 'MATCH',
      }),
    ).toBe(2);
    // …and, in the same scrape, the Temporal SDK's: task slots, schedule-to-start, sticky cache.
    const sdk = (prefix: string) => workerSamples.filter((s) => s.name.startsWith(prefix));
    expect(sdk('temporal_worker_task_slots_available').map((s) => s.labels.worker_type)).toEqual(
      expect.arrayContaining(['WorkflowWorker', 'ActivityWorker']),
    );
    expect(sdk('temporal_activity_schedule_to_start_latency').length).toBeGreaterThan(0);
    expect(sdk('temporal_workflow_task_schedule_to_start_latency').length).toBeGreaterThan(0);
    expect(sdk('temporal_sticky_cache').length).toBeGreaterThan(0);

    await Promise.all([api.stop(), worker.stop()]);

    const lines = (process: ServiceProcess) =>
      `${process.stdout()}${process.stderr()}`.split('\n').filter((l) => l.trim() !== '');
    const parsed = (process: ServiceProcess): LogLine[] =>
      lines(process).map((line) => JSON.parse(line) as LogLine);
    for (const process of [api, worker]) {
      const notJson = lines(process).filter((line) => {
        try {
          const value: unknown = JSON.parse(line);
          return typeof value !== 'object' || value === null;
        } catch {
          return true;
        }
      });
      expect(notJson).toEqual([]);
    }

    // Nothing sent, and no valid ID number at all, in any line (also as JSON escapes).
    const used = [...new Set(sent.flatMap(idLike))];
    expect(used.length).toBeGreaterThanOrEqual(10);
    for (const process of [api, worker]) {
      for (const line of lines(process)) {
        const decoded = JSON.stringify(JSON.parse(line));
        for (const text of [line, decoded]) {
          expect(used.filter((id) => text.includes(id))).toEqual([]);
          expect(validIdsIn(text)).toEqual([]);
        }
      }
    }

    // The capture is the real thing: request lines with their ids, routes and case numbers,
    // the ID numbers in them masked rather than absent, and the worker's activity lines.
    const apiLines = parsed(api);
    expect(apiLines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          clientRequestId: 'logs-submit-0',
          msg: 'POST /applications 201',
          route: '/applications',
          res: { statusCode: 201 },
        }),
        expect.objectContaining({
          clientRequestId: 'logs-read',
          msg: 'GET /applications/:applicationNo 200',
          applicationNo: numbers[0],
        }),
        expect.objectContaining({
          clientRequestId: 'logs-404',
          msg: 'GET /applications/:applicationNo 404',
          applicationNo: maskResidentId(childId),
          req: { method: 'GET', url: `/applications/${maskResidentId(childId)}` },
        }),
        expect.objectContaining({ clientRequestId: 'logs-malformed', msg: 'POST UNMATCHED 400' }),
        expect.objectContaining({ msg: expect.stringContaining('API listening') }),
      ]),
    );
    const workerLines = parsed(worker);
    expect(workerLines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ msg: expect.stringContaining('worker polling') }),
        expect.objectContaining({
          component: 'temporal',
          activityType: 'verifyIdentity',
          applicationNo: numbers[0],
        }),
      ]),
    );
  });
});
