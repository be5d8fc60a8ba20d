import { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import request from 'supertest';
import { caseViewQuery } from '../../src/contract';
import { temporalUiUrl } from '../../src/config/config';
import { decodeHistory, temporalDataConverter } from '../../src/temporal/data-converter';
import { PayloadKeyUnknownError } from '../../src/temporal/payload-codec';
import { formForFamily } from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

/**
 * Issue 12: nothing personal reaches Temporal in the clear. The raw history, read from the
 * server without the codec, holds none of the form's personal data; the codec server hands it
 * back only to the roles allowed to read it, each call audited.
 */
describe('payload encryption in Temporal', () => {
  let sut: Harness;
  const family = registryFamilies.filter((f) => f.countyCode === '450103')[0]!;
  const form = formForFamily(family);
  const personal = [
    family.child.idNumber,
    family.child.name,
    family.guardians[0]!.idNumber,
    family.guardians[0]!.name,
    '13800138000',
  ];
  let run: { workflowId: string; runId: string };

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
    const parent = { Authorization: await sut.auth.parent('family-encryption', form) };
    const reviewer = { Authorization: await sut.auth.reviewer(['450103']) };
    const created = await request(sut.apiUrl).post('/applications').set(parent).send(form);
    expect(created.status).toBe(201);
    const no = created.body.applicationNo as string;
    const reached = (status: string) =>
      eventually(async () => {
        const row = await sut.database.db.application.findUnique({ where: { applicationNo: no } });
        return row?.status === status ? row : undefined;
      }, `${no} to reach ${status}`);
    await reached('AWAITING_REVIEW');
    await request(sut.apiUrl)
      .post(`/applications/${no}/decision`)
      .set(reviewer)
      .send({ decision: 'APPROVE' });
    const row = await reached('APPROVED');
    run = { workflowId: row.workflowId, runId: row.runId };
  }, 120_000);
  afterAll(() => sut?.close());

  async function rawHistory() {
    const response = await sut.temporal.workflowService.getWorkflowExecutionHistory({
      namespace: sut.config.TEMPORAL_NAMESPACE,
      execution: run,
    });
    return response.history!;
  }
  const bytesOf = (history: temporal.api.history.v1.IHistory) =>
    Buffer.from(temporal.api.history.v1.History.encode(history).finish()).toString('utf8');

  it('keeps every ID number, name and mobile out of the raw history', async () => {
    const raw = bytesOf(await rawHistory());
    expect(personal.filter((value) => raw.includes(value))).toEqual([]);
    // The same scan of the decoded history finds them: the scan itself can see plaintext.
    const decoded = bytesOf(
      await decodeHistory(
        await rawHistory(),
        sut.temporal.options.loadedDataConverter.payloadCodecs,
      ),
    );
    expect(personal.filter((value) => decoded.includes(value))).toEqual(personal);
  });

  it('fails fast and by name on a client without the key, rather than hanging', async () => {
    const stranger = new Client({
      connection: sut.temporal.connection,
      dataConverter: temporalDataConverter({
        PAYLOAD_ENCRYPTION_KEYS: `other:${Buffer.alloc(32, 7).toString('base64')}`,
      }),
    });
    const handle = stranger.workflow.getHandle(run.workflowId, run.runId);
    await expect(handle.query(caseViewQuery)).rejects.toThrow(PayloadKeyUnknownError);
  });

  describe('the codec server', () => {
    const firstInput = async () => {
      const events = (await rawHistory()).events ?? [];
      const payload = events[0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
      return {
        metadata: Object.fromEntries(
          Object.entries(payload.metadata ?? {}).map(([k, v]) => [
            k,
            Buffer.from(v).toString('base64'),
          ]),
        ),
        data: Buffer.from(payload.data ?? []).toString('base64'),
      };
    };
    const audited = () => sut.database.db.auditLog.count({ where: { action: 'CODEC_DECODE' } });

    it('decrypts for an operator, and audits the call', async () => {
      const before = await audited();
      const res = await request(sut.apiUrl)
        .post('/codec/decode')
        .set({ Authorization: await sut.auth.operator(['450103']) })
        .set('X-Namespace', 'default')
        .send({ payloads: [await firstInput()] });
      expect(res.status).toBe(200);
      const [p] = res.body.payloads as { metadata: Record<string, string>; data: string }[];
      const value = defaultPayloadConverter.fromPayload<{ form: { child: { idNumber: string } } }>({
        metadata: Object.fromEntries(
          Object.entries(p!.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
        ),
        data: Buffer.from(p!.data, 'base64'),
      });
      expect(value.form.child.idNumber).toBe(family.child.idNumber);
      expect(await audited()).toBe(before + 1);
    });

    it('refuses a parent and an unauthenticated caller', async () => {
      const body = { payloads: [await firstInput()] };
      const asParent = await request(sut.apiUrl)
        .post('/codec/decode')
        .set({ Authorization: await sut.auth.parent('family-encryption') })
        .send(body);
      expect(asParent.status).toBe(403);
      const anonymous = await request(sut.apiUrl).post('/codec/decode').send(body);
      expect(anonymous.status).toBe(401);
    });

    it('allows CORS from the configured Web UI origin only', async () => {
      const ui = new URL(temporalUiUrl(sut.config)).origin;
      const ok = await request(sut.apiUrl).options('/codec/decode').set('Origin', ui);
      expect(ok.status).toBe(204);
      expect(ok.headers['access-control-allow-origin']).toBe(ui);
      const other = await request(sut.apiUrl)
        .options('/codec/decode')
        .set('Origin', 'https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
