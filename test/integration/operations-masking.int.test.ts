import { defaultPayloadConverter } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import request from 'supertest';
import { maskMobile, maskName } from '../../src/domain/masking';
import { WHOLE_REGION } from '../../src/domain/principal';
import { maskResidentId } from '../../src/domain/resident-id';
import { formForFamily } from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

/**
 * Personal data in the operations console (issue 12, item 4): masked for everyone by default;
 * unmasked only to an AUDITOR who asks, each read audited; an auditor reads and repairs nothing.
 */
describe('operations console: masked personal data, unmasked for auditors only', () => {
  const COUNTY = '450103';
  const MOBILE = '13912345678';
  let sut: Harness;
  let no: string;
  let form: ReturnType<typeof formForFamily> & {
    child: { name: string; idNumber: string; birthDate: string };
    guardians: { name: string; idNumber: string; mobile: string }[];
  };
  const as: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
    const family = registryFamilies.filter((f) => f.countyCode === COUNTY)[0]!;
    const base = formForFamily(family) as typeof form;
    form = { ...base, guardians: base.guardians.map((g) => ({ ...g, mobile: MOBILE })) };
    const bearer = async (token: Promise<string>) => ({ Authorization: await token });
    as.family = await bearer(sut.auth.parent('family-masking', form));
    as.operator = await bearer(sut.auth.operator([COUNTY]));
    as.cityAdmin = await bearer(sut.auth.admin([COUNTY]));
    as.regionAdmin = await bearer(sut.auth.regionAdmin());
    as.auditor = await bearer(sut.auth.auditor([COUNTY]));
    as.otherAuditor = await bearer(sut.auth.auditor(['450703']));
    as.regionAuditor = await bearer(sut.auth.auditor([WHOLE_REGION]));

    const created = await api().post('/applications').set(as.family).send(form);
    expect(created.status).toBe(201);
    no = created.body.applicationNo;
    await eventually(
      async () =>
        (await sut.database.db.application.findUniqueOrThrow({ where: { applicationNo: no } }))
          .status === 'AWAITING_REVIEW' || undefined,
      `${no} to reach AWAITING_REVIEW`,
      60_000,
    );
  });
  afterAll(() => sut?.close());

  const api = () => request(sut.apiUrl);
  const auditOf = () =>
    sut.database.db.auditLog.findMany({ where: { applicationNo: no }, orderBy: { id: 'asc' } });
  /** The audit rows of refused requests, by request id: a refusal names no case. */
  const refusalsOf = async (requestIds: readonly string[]) =>
    (
      await sut.database.db.auditLog.findMany({ where: { requestId: { in: [...requestIds] } } })
    ).map((a) => a.result);
  const child = () => form.child;
  const guardian = () => form.guardians[0]!;

  /** Everything a person reads in an export: the JSON itself and every JSON payload decoded. */
  function readable(exported: unknown): string {
    const texts = [JSON.stringify(exported)];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node === null || typeof node !== 'object') return;
      const payload = node as { metadata?: Record<string, Uint8Array>; data?: Uint8Array };
      if (payload.data instanceof Uint8Array && payload.metadata?.encoding)
        texts.push(JSON.stringify(defaultPayloadConverter.fromPayload(payload)));
      Object.values(node).forEach(visit);
    };
    visit(historyFromJSON(exported).events);
    return texts.join('\n');
  }

  it('exports the history masked to operators, administrators and an auditor who did not ask', async () => {
    for (const who of ['operator', 'cityAdmin', 'regionAdmin', 'auditor']) {
      const exported = await api().get(`/ops/cases/${no}/history`).set(as[who]!);
      expect({ who, status: exported.status }).toEqual({ who, status: 200 });
      const text = readable(exported.body);
      const secrets = [
        child().idNumber,
        child().name,
        child().birthDate,
        guardian().idNumber,
        MOBILE,
      ];
      for (const secret of secrets)
        expect({ who, leaks: text.includes(secret) }).toEqual({ who, leaks: false });
      expect(text).toContain(maskResidentId(child().idNumber));
      expect(text).toContain(maskName(child().name));
      expect(text).toContain(maskMobile(MOBILE));
      // Still Temporal's history: the run's events, its workflow type.
      expect(historyFromJSON(exported.body).events!.length).toBeGreaterThan(5);
    }
    const exports = (await auditOf()).filter((a) => a.action === 'OPS_EXPORT_HISTORY');
    expect(exports.map((a) => a.role)).toEqual([
      'OPERATOR',
      'CITY_ADMIN',
      'REGION_ADMIN',
      'AUDITOR',
    ]);
  });

  it('shows an auditor who asks the history and the case unmasked, and audits each read', async () => {
    const exported = await api()
      .get(`/ops/cases/${no}/history`)
      .query({ unmasked: 'true' })
      .set(as.auditor!)
      .set('x-request-id', 'audit-unmasked-1');
    expect(exported.status).toBe(200);
    const text = readable(exported.body);
    for (const secret of [child().idNumber, child().name, child().birthDate, MOBILE])
      expect(text).toContain(secret);
    expect((await auditOf()).at(-1)).toMatchObject({
      action: 'OPS_EXPORT_HISTORY_UNMASKED',
      actor: 'auditor:auditor-1',
      role: 'AUDITOR',
      clientRequestId: 'audit-unmasked-1',
      details: { runId: expect.any(String) },
    });

    const unmasked = await api()
      .get(`/ops/cases/${no}`)
      .query({ unmasked: 'true' })
      .set(as.auditor!);
    expect(unmasked.status).toBe(200);
    expect(unmasked.body).toMatchObject({ applicationNo: no, masked: false });
    expect((await auditOf()).at(-1)).toMatchObject({
      action: 'OPS_INSPECT_UNMASKED',
      role: 'AUDITOR',
    });

    const masked = await api().get(`/ops/cases/${no}`).set(as.operator!);
    expect(masked.status).toBe(200);
    expect(masked.body).toMatchObject({ applicationNo: no, masked: true });
    const view = JSON.stringify(masked.body);
    for (const secret of [child().idNumber, guardian().idNumber, MOBILE])
      expect(view).not.toContain(secret);
    expect((await auditOf()).at(-1)).toMatchObject({ action: 'OPS_INSPECT', role: 'OPERATOR' });
  });

  it('refuses unmasked to operators and administrators: 403, in both languages, nothing read', async () => {
    const before = (await auditOf()).length;
    const refusals: string[] = [];
    for (const who of ['operator', 'cityAdmin', 'regionAdmin'])
      for (const path of [`/ops/cases/${no}/history`, `/ops/cases/${no}`]) {
        const refused = await api().get(path).query({ unmasked: 'true' }).set(as[who]!);
        refusals.push(refused.headers['x-request-id'] as string);
        expect({ who, path, status: refused.status }).toEqual({ who, path, status: 403 });
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect(refused.body).toMatchObject({
          code: 'UNMASKED_FOR_AUDITORS_ONLY',
          detail: expect.stringContaining('auditors only'),
          detail_zh: expect.stringContaining('审计员'),
        });
      }
    // Nothing of the case was read, and each refusal is on record.
    expect(await auditOf()).toHaveLength(before);
    expect(await refusalsOf(refusals)).toEqual(refusals.map(() => 'DENIED'));
    await api().get(`/ops/cases/${no}`).query({ unmasked: 'yes' }).set(as.auditor!).expect(400);
  });

  it('lets an auditor read the console in its scope but repair nothing', async () => {
    const before = await auditOf();
    const status = async () =>
      (await sut.database.db.application.findUniqueOrThrow({ where: { applicationNo: no } }))
        .status;
    const repairs: [string, object][] = [
      [`/ops/cases/${no}/retry`, { reason: 'x' }],
      [`/ops/cases/${no}/reset`, { fromStep: 1, reason: 'x', dryRun: true }],
      [`/ops/cases/${no}/cancel`, { reason: 'x' }],
      [`/ops/cases/${no}/terminate`, { reason: 'x' }],
      ['/ops/bulk/retry', { applicationNos: [no], reason: 'x' }],
      ['/ops/bulk/reset', { applicationNos: [no], fromStep: 1, reason: 'x' }],
      ['/ops/bulk/cancel', { applicationNos: [no], reason: 'x' }],
      ['/ops/bulk/terminate', { applicationNos: [no], reason: 'x' }],
    ];
    const refusals: string[] = [];
    for (const auditor of [as.auditor!, as.regionAuditor!])
      for (const [path, body] of repairs) {
        const refused = await api().post(path).set(auditor).send(body);
        refusals.push(refused.headers['x-request-id'] as string);
        expect({ path, status: refused.status }).toEqual({ path, status: 403 });
        expect(refused.body.code).toBe('FORBIDDEN');
      }
    expect(await status()).toBe('AWAITING_REVIEW');
    expect(await auditOf()).toEqual(before);
    expect(await refusalsOf(refusals)).toEqual(refusals.map(() => 'DENIED'));

    await api().get('/ops/cases').set(as.auditor!).expect(200);
    await api().get('/ops/counts').set(as.auditor!).expect(200);
    await api().post(`/ops/cases/${no}/replay`).set(as.auditor!).expect(200);
    await api().get('/ops/cases').query({ countyCode: '450703' }).set(as.auditor!).expect(403);
    await api().get(`/ops/cases/${no}`).set(as.otherAuditor!).expect(404);
    await api().get(`/ops/cases/${no}`).set(as.regionAuditor!).expect(200);
  });
});
