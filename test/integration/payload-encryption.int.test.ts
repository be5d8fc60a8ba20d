import { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import request from 'supertest';
import { caseViewQuery } from '../../src/contract';
import { maskMobile, maskName } from '../../src/domain/masking';
import { WHOLE_REGION } from '../../src/domain/principal';
import { maskResidentId } from '../../src/domain/resident-id';
import { temporalUiUrl } from '../../src/config/config';
import { decodeHistory, temporalDataConverter } from '../../src/temporal/data-converter';
import { PayloadKeyUnknownError } from '../../src/temporal/payload-codec';
import { formForFamily } from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';
import { scaled } from '../support/time-scale';

/**
 * Issue 12: nothing personal reaches Temporal in the clear. The raw history, read from the
 * server without the codec, holds none of the form's personal data; the codec server hands it
 * back only to the roles allowed to read it, masked but to the region's auditor, each call audited.
 */
/** formForFamily's guardians' mobile. */
const MOBILE = '13800138000';

interface DecodedForm {
  readonly child: { readonly idNumber: string; readonly name: string };
  readonly guardians: readonly { readonly mobile: string }[];
}

describe('payload encryption in Temporal', () => {
  let sut: Harness;
  const family = registryFamilies.filter((f) => f.countyCode === '450103')[0]!;
  const form = formForFamily(family);
  const personal = [
    family.child.idNumber,
    family.child.name,
    family.guardians[0]!.idNumber,
    family.guardians[0]!.name,
    MOBILE,
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
  }, scaled(120_000));
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

    /** What the codec server answers this caller, read back as the workflow's input. */
    const decodeAs = async (authorization: string) => {
      const res = await request(sut.apiUrl)
        .post('/codec/decode')
        .set({ Authorization: authorization })
        .set('X-Namespace', 'default')
        .send({ payloads: [await firstInput()] });
      expect(res.status).toBe(200);
      const [p] = res.body.payloads as { metadata: Record<string, string>; data: string }[];
      return defaultPayloadConverter.fromPayload<{ form: DecodedForm }>({
        metadata: Object.fromEntries(
          Object.entries(p!.metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
        ),
        data: Buffer.from(p!.data, 'base64'),
      }).form;
    };
    const codecRows = () =>
      sut.database.db.auditLog.findMany({
        where: { action: { startsWith: 'CODEC_DECODE' } },
        orderBy: { id: 'asc' },
      });

    it('masks what it decrypts for operators, administrators and a county auditor, and audits each call', async () => {
      const before = (await codecRows()).length;
      const callers = [
        await sut.auth.operator(['450103']),
        await sut.auth.regionAdmin(),
        await sut.auth.auditor(['450103']),
      ];
      for (const caller of callers) {
        const decoded = await decodeAs(caller);
        // Decrypted (the form's shape is there), its personal data masked as the export masks it.
        expect(decoded.child.idNumber).toBe(maskResidentId(family.child.idNumber));
        expect(decoded.child.name).toBe(maskName(family.child.name));
        expect(decoded.guardians[0]!.mobile).toBe(maskMobile(MOBILE));
        const text = JSON.stringify(decoded);
        expect(personal.filter((value) => text.includes(value))).toEqual([]);
      }
      const rows = (await codecRows()).slice(before);
      expect(rows.map((r) => [r.action, r.role])).toEqual([
        ['CODEC_DECODE', 'OPERATOR'],
        ['CODEC_DECODE', 'REGION_ADMIN'],
        ['CODEC_DECODE', 'AUDITOR'],
      ]);
    });

    it("decrypts unmasked for the region's auditor only, audited as an unmasked read", async () => {
      const decoded = await decodeAs(await sut.auth.auditor([WHOLE_REGION], 'auditor-region'));
      expect(decoded.child.idNumber).toBe(family.child.idNumber);
      expect(decoded.child.name).toBe(family.child.name);
      expect(decoded.guardians[0]!.mobile).toBe(MOBILE);
      expect((await codecRows()).at(-1)).toMatchObject({
        action: 'CODEC_DECODE_UNMASKED',
        actor: 'auditor:auditor-region',
        role: 'AUDITOR',
        details: { payloads: 1, namespace: 'default' },
      });
    });

    it('refuses a parent, an unauthenticated caller and an auditor who would encode; audits each refusal', async () => {
      const body = { payloads: [await firstInput()] };
      const asParent = await request(sut.apiUrl)
        .post('/codec/decode')
        .set({ Authorization: await sut.auth.parent('family-encryption') })
        .send(body);
      expect(asParent.status).toBe(403);
      const anonymous = await request(sut.apiUrl).post('/codec/decode').send(body);
      expect(anonymous.status).toBe(401);
      const asAuditor = await request(sut.apiUrl)
        .post('/codec/encode')
        .set({ Authorization: await sut.auth.auditor([WHOLE_REGION]) })
        .send(body);
      expect(asAuditor.status).toBe(403);
      const refusals = await sut.database.db.auditLog.findMany({
        where: { action: { in: ['codec.decode', 'codec.encode'] }, result: 'DENIED' },
      });
      expect(refusals.map((r) => [r.action, r.role, r.statusCode])).toEqual(
        expect.arrayContaining([
          ['codec.decode', 'PARENT', 403],
          ['codec.decode', 'ANONYMOUS', 401],
          ['codec.encode', 'AUDITOR', 403],
        ]),
      );
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
