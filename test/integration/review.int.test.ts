import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { FIXTURE_FAMILIES } from '../../src/simulator/fixtures';
import { WorkflowUpdateStage } from '@temporalio/client';
import {
  caseViewQuery,
  decideUpdate,
  provideSupplementUpdate,
  ReviewOverdueKey,
} from '../../src/contract';
import { eventually } from '../support/eventually';
import { whileRowsHeld } from '../support/row-locks';
import { scaled } from '../support/time-scale';
import { formForFamily } from '../../src/testing/forms';
import { columnSealerOf } from '../../src/encryption/sealer';
import { decodeHistory, payloadCodecOf } from '../../src/temporal/data-converter';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.alloc(2048, 0x20),
  Buffer.from('\n%%EOF\n'),
]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4096, 0x90)]);

describe('county review over HTTP and Temporal', () => {
  let sut: Harness;
  let bundle: Awaited<ReturnType<typeof bundleWorkflows>>;
  let family: Record<string, string>;
  let reviewer: Record<string, string>;
  let otherCountyReviewer: Record<string, string>;
  let next = 200;
  const truthfulForm = () =>
    formForFamily(registryFamilies.filter((f) => f.countyCode === '450103')[next++]!);

  beforeAll(async () => {
    bundle = await bundleWorkflows();
    // A one-minute SLA (scaled): long enough not to fire during these tests except where one
    // waits for it.
    sut = await startHarness({
      workflowBundle: bundle,
      env: { REVIEW_SLA_MS: String(scaled(60_000)) },
    });
    family = { Authorization: await sut.auth.parent('family-review') };
    reviewer = { Authorization: await sut.auth.reviewer(['450103'], 'reviewer-qingxiu') };
    otherCountyReviewer = { Authorization: await sut.auth.reviewer(['450703'], 'reviewer-qinbei') };
  });
  afterAll(() => sut?.close());

  const api = () => request(sut.apiUrl);
  const statusInDb = async (no: string) =>
    (await sut.database.db.application.findUniqueOrThrow({ where: { applicationNo: no } })).status;
  async function until(no: string, wanted: string, timeoutMs = 60_000) {
    await eventually(
      async () => ((await statusInDb(no)) === wanted ? true : undefined),
      `${no} to reach ${wanted}`,
      timeoutMs,
    );
  }
  async function submitted(body = truthfulForm()) {
    const created = await api()
      .post('/applications')
      .set({ Authorization: await sut.auth.parent('family-review', body) })
      .send(body);
    expect(created.status).toBe(201);
    await until(created.body.applicationNo, 'AWAITING_REVIEW');
    return created.body.applicationNo as string;
  }

  it('asks for a supplement, takes the family’s documents (checked by content, stored by hash), and approves', async () => {
    const no = await submitted();
    const asked = await api()
      .post(`/applications/${no}/supplement-request`)
      .set(reviewer)
      .send({ items: ['HUKOU_BOOKLET', 'PROPERTY_CERTIFICATE'], note: '请上传户口簿首页及本人页' });
    expect(asked.body).toEqual({ applicationNo: no, status: 'NEEDS_SUPPLEMENT' });
    const view = await api().get(`/applications/${no}`).set(family);
    expect(view.body.guidance.actionRequired).toBe(true);

    const renamedExe = await api()
      .post(`/applications/${no}/attachments`)
      .set(family)
      .attach('file', EXE, { filename: 'hukou.pdf', contentType: 'application/pdf' });
    expect(renamedExe.status).toBe(400);
    expect(renamedExe.body.violations[0]).toMatchObject({ path: 'file', code: 'ATTACHMENT_TYPE' });
    const tooBig = await api()
      .post(`/applications/${no}/attachments`)
      .set(family)
      .attach('file', Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]), 'big.pdf');
    expect(tooBig.status).toBe(413);

    const uploaded = await api()
      .post(`/applications/${no}/attachments`)
      .set(family)
      .attach('file', PDF, '户口簿.pdf');
    expect(uploaded.status).toBe(201);
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    expect(uploaded.body).toMatchObject({ sha256, mimeType: 'application/pdf', size: PDF.length });
    const stored = await sut.database.db.attachment.findUniqueOrThrow({
      where: { applicationNo_sha256: { applicationNo: no, sha256 } },
    });
    expect(existsSync(join(sut.config.DATA_DIR, 'attachments', stored.storageKey))).toBe(true);

    const unknown = await api()
      .post(`/applications/${no}/supplement`)
      .set(family)
      .send({ items: [{ item: 'HUKOU_BOOKLET', attachments: ['0'.repeat(64)] }] });
    expect(unknown.body.violations[0]).toMatchObject({
      path: 'items[0].attachments[0]',
      code: 'ATTACHMENT_UNKNOWN',
    });

    const provided = await api()
      .post(`/applications/${no}/supplement`)
      .set(family)
      .send({
        items: [
          { item: 'HUKOU_BOOKLET', attachments: [sha256] },
          { item: 'PROPERTY_CERTIFICATE', text: '证书在办理中' },
        ],
      });
    expect(provided.body).toEqual({ applicationNo: no, status: 'AWAITING_REVIEW' });
    expect(await sut.database.db.supplement.count({ where: { applicationNo: no } })).toBe(1);

    const approved = await api()
      .post(`/applications/${no}/decision`)
      .set(reviewer)
      .set('x-request-id', 'req-approve-1')
      .send({ decision: 'APPROVE' });
    expect(approved.body.status).toBe('APPROVED');
    const again = await api()
      .post(`/applications/${no}/decision`)
      .set(reviewer)
      .send({ decision: 'APPROVE' });
    expect(again.status).toBe(409);
    expect(await statusInDb(no)).toBe('APPROVED');

    const audit = await sut.database.db.auditLog.findMany({
      where: { applicationNo: no },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => `${a.action}:${a.beforeStatus}->${a.afterStatus}`)).toEqual([
      'REQUEST_SUPPLEMENT:AWAITING_REVIEW->NEEDS_SUPPLEMENT',
      'PROVIDE_SUPPLEMENT:NEEDS_SUPPLEMENT->AWAITING_REVIEW',
      'APPROVE:AWAITING_REVIEW->APPROVED',
    ]);
    expect(audit[2]).toMatchObject({
      actor: 'reviewer:reviewer-qingxiu',
      role: 'REVIEWER',
      countyCode: '450103',
      // The caller's id kept apart from the server's, which the response names.
      clientRequestId: 'req-approve-1',
      requestId: approved.headers['x-request-id'],
      result: 'SUCCESS',
    });
    expect(approved.headers['x-request-id']).not.toBe('req-approve-1');
    await expect(
      sut.database.db.auditLog.updateMany({
        where: { applicationNo: no },
        data: { actor: 'someone else' },
      }),
    ).rejects.toThrow(/permission denied/);
    await expect(
      sut.database.db.auditLog.deleteMany({ where: { applicationNo: no } }),
    ).rejects.toThrow(/permission denied/);
  });

  it('answers a decision sent while the case still records the family’s supplement once it is recorded, not with a 409', async () => {
    const no = await submitted();
    await api()
      .post(`/applications/${no}/supplement-request`)
      .set(reviewer)
      .send({ items: ['OTHER'] })
      .expect(200);
    await until(no, 'NEEDS_SUPPLEMENT');
    const { workflowId } = await sut.database.db.application.findUniqueOrThrow({
      where: { applicationNo: no },
    });
    const handle = sut.temporal.workflow.getHandle(workflowId);
    // The case cannot record the supplement's step while its row is held: it stays busy.
    const { provided, deciding } = await whileRowsHeld(sut.database.db, [no], async () => {
      const provided = await handle.startUpdate(provideSupplementUpdate, {
        args: [{ items: [{ item: 'OTHER', text: '已补充', attachments: [] }], actor: 'family' }],
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
      const deciding = await handle.startUpdate(decideUpdate, {
        args: [{ decision: 'APPROVE', reviewerId: 'reviewer-qingxiu' }],
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
      // Accepted, and waiting: the status is the supplement's, not yet the decision's.
      expect((await handle.query(caseViewQuery)).status).toBe('AWAITING_REVIEW');
      return { provided, deciding };
    });
    expect(await provided.result()).toMatchObject({ status: 'AWAITING_REVIEW' });
    expect(await deciding.result()).toEqual({ applicationNo: no, status: 'APPROVED' });
    await until(no, 'APPROVED');
  });

  it('rejects with a reason code the family reads, and confirms an offline check before deciding', async () => {
    const budget = await startHarness({
      workflowBundle: bundle,
      env: { VERIFICATION_RETRY_BUDGET_MS: '2000' },
    });
    try {
      budget.simulator.faults.set('identity', {
        outageUntil: new Date(Date.now() + scaled(60_000)).toISOString(),
      });
      const headers = {
        Authorization: await budget.auth.parent(
          'family-offline',
          formForFamily(FIXTURE_FAMILIES.liXiaoming),
        ),
      };
      const local = { Authorization: await budget.auth.reviewer(['450103']) };
      const created = await request(budget.apiUrl)
        .post('/applications')
        .set(headers)
        .send(formForFamily(FIXTURE_FAMILIES.liXiaoming));
      const no = created.body.applicationNo as string;
      await eventually(
        async () =>
          (await budget.database.db.application.findUnique({ where: { applicationNo: no } }))
            ?.status === 'AWAITING_OFFLINE_CHECK'
            ? true
            : undefined,
        'offline check',
      );
      const confirmed = await request(budget.apiUrl)
        .post(`/applications/${no}/offline-check`)
        .set(local)
        .send({
          registrationPointId: '450103-RP01',
          staffId: 'staff-007',
          itemsSeen: ['BIRTH_CERTIFICATE', 'HUKOU_BOOKLET'],
          outcome: 'VERIFIED',
        });
      expect(confirmed.body.status).toBe('AWAITING_REVIEW');
      const row = await budget.database.db.application.findUniqueOrThrow({
        where: { applicationNo: no },
      });
      expect(await columnSealerOf(budget.config).open(row.offlineCheck)).toMatchObject({
        staffId: 'staff-007',
        outcome: 'VERIFIED',
      });
      const rejected = await request(budget.apiUrl)
        .post(`/applications/${no}/decision`)
        .set(local)
        .send({
          decision: 'REJECT',
          reasonCode: 'NOT_RESIDENT_IN_COUNTY',
          reason: '经核实不在本区居住',
        });
      expect(rejected.body.status).toBe('REJECTED');
      const view = await request(budget.apiUrl).get(`/applications/${no}`).set(headers);
      expect(view.body.timeline.at(-1)).toMatchObject({
        to: 'REJECTED',
        reason: 'NOT_RESIDENT_IN_COUNTY: 经核实不在本区居住',
      });
    } finally {
      await budget.close();
    }
  });

  it('expires a case whose supplement is not in by the deadline, even across a worker restart, and refuses late answers', async () => {
    const no = await submitted();
    // Room for the request to reach the workflow before the deadline on a loaded machine.
    const deadline = new Date(Date.now() + scaled(5000)).toISOString();
    const asked = await api()
      .post(`/applications/${no}/supplement-request`)
      .set(reviewer)
      .send({ items: ['RESIDENCE_PERMIT'], deadline });
    expect(asked.body).toEqual({ applicationNo: no, status: 'NEEDS_SUPPLEMENT' });
    await sut.stopWorker();
    await eventually(
      () => (Date.now() > Date.parse(deadline) + 500 ? true : undefined),
      'the deadline to pass with no worker running',
      20_000,
    );
    await sut.startWorker();
    await until(no, 'EXPIRED');
    const late = await api()
      .post(`/applications/${no}/supplement`)
      .set(family)
      .send({ items: [{ item: 'RESIDENCE_PERMIT', text: 'late' }] });
    expect(late.status).toBe(409);
    const approveExpired = await api()
      .post(`/applications/${no}/decision`)
      .set(reviewer)
      .send({ decision: 'APPROVE' });
    expect(approveExpired.status).toBe(409);
    expect(approveExpired.body.currentStatus).toBe('EXPIRED');
    expect(await statusInDb(no)).toBe('EXPIRED');
    const row = await sut.database.db.application.findUniqueOrThrow({
      where: { applicationNo: no },
    });
    await eventually(
      () =>
        sut.simulator.callbacks.some(
          (c) => c.body.applicationNo === no && c.body.status === 'EXPIRED',
        )
          ? true
          : undefined,
      'the family to be told',
    );
    expect(row.status).toBe('EXPIRED');
    // Once per notice (a delivery may repeat), in order: the request, then the expiry.
    const notices = new Map(
      sut.simulator.callbacks
        .filter((c) => c.body.applicationNo === no)
        .map((c) => [c.body.seq as number, c.body.status]),
    );
    expect([...notices.keys()].sort((a, b) => a - b).map((seq) => notices.get(seq))).toEqual([
      'SUBMITTED',
      'VERIFYING',
      'AWAITING_REVIEW',
      'NEEDS_SUPPLEMENT',
      'EXPIRED',
    ]);
  });

  it('flags a review overdue once the county’s SLA passes, in the read model and in Temporal visibility', async () => {
    const quick = await startHarness({ workflowBundle: bundle, env: { REVIEW_SLA_MS: '2000' } });
    try {
      const headers = {
        Authorization: await quick.auth.parent(
          'family-sla',
          formForFamily(FIXTURE_FAMILIES.weiNongLan),
        ),
      };
      const created = await request(quick.apiUrl)
        .post('/applications')
        .set(headers)
        .send(formForFamily(FIXTURE_FAMILIES.weiNongLan));
      const no = created.body.applicationNo as string;
      const row = await eventually(
        async () => {
          const r = await quick.database.db.application.findUnique({
            where: { applicationNo: no },
          });
          return r?.reviewOverdue ? r : undefined;
        },
        'the overdue flag',
        30_000,
      );
      expect(row.status).toBe('AWAITING_REVIEW');
      const found = await eventually(async () => {
        for await (const wf of quick.temporal.workflow.list({
          query: `ReviewOverdue = true AND WorkflowId = "${row.workflowId}"`,
        }))
          return wf;
        return undefined;
      }, 'the overdue case in visibility');
      expect(found.typedSearchAttributes.get(ReviewOverdueKey)).toBe(true);
      const local = { Authorization: await quick.auth.reviewer(['450103']) };
      const page = await request(quick.apiUrl).get('/review/queue?overdue=true').set(local);
      expect(page.body.items.map((i: { applicationNo: string }) => i.applicationNo)).toEqual([no]);
      expect((await request(quick.apiUrl).get('/review/counts').set(local)).body).toMatchObject({
        overdue: 1,
      });
    } finally {
      await quick.close();
    }
  });

  it('keeps a county’s cases from another county’s reviewer, for reading and for every action', async () => {
    const no = await submitted();
    expect((await api().get(`/applications/${no}`).set(otherCountyReviewer)).status).toBe(404);
    for (const [path, body] of [
      ['decision', { decision: 'APPROVE' }],
      ['supplement-request', { items: ['OTHER'] }],
      [
        'offline-check',
        { registrationPointId: 'x', staffId: 'y', itemsSeen: ['OTHER'], outcome: 'VERIFIED' },
      ],
    ] as const) {
      const response = await api()
        .post(`/applications/${no}/${path}`)
        .set(otherCountyReviewer)
        .send(body);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    const batch = await api()
      .post('/review/batch-approve')
      .set(otherCountyReviewer)
      .send({ applicationNos: [no] });
    expect(batch.body).toMatchObject({
      approved: 0,
      failed: 1,
      results: [{ applicationNo: no, ok: false, code: 'APPLICATION_NOT_FOUND' }],
    });
    expect(
      (await api().get('/review/queue?countyCode=450103').set(otherCountyReviewer)).status,
    ).toBe(403);
    expect(await statusInDb(no)).toBe('AWAITING_REVIEW');
  });

  it('pages the queue by cursor with filters, counts per status, and batch-approves with per-case results', async () => {
    const numbers = [await submitted(), await submitted(), await submitted()];
    const firstPage = await api().get('/review/queue?status=AWAITING_REVIEW&limit=2').set(reviewer);
    expect(firstPage.body.items).toHaveLength(2);
    expect(firstPage.body.nextCursor).toEqual(expect.any(String));
    const seen = firstPage.body.items.map((i: { applicationNo: string }) => i.applicationNo);
    let cursor: string | null = firstPage.body.nextCursor;
    while (cursor) {
      const page = await api()
        .get(`/review/queue?status=AWAITING_REVIEW&limit=2&cursor=${cursor}`)
        .set(reviewer);
      seen.push(...page.body.items.map((i: { applicationNo: string }) => i.applicationNo));
      cursor = page.body.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(numbers));
    const tierOne = await api()
      .get('/review/queue?tier=1&outcome=MATCH&stage=PRIMARY_1')
      .set(reviewer);
    expect(tierOne.body.items.length).toBeGreaterThan(0);
    expect(
      tierOne.body.items.every(
        (i: { firstChoiceTier: number; checks: string[] }) =>
          i.firstChoiceTier === 1 && i.checks.some((c) => c.endsWith(':MATCH')),
      ),
    ).toBe(true);
    expect(
      (await api().get('/review/queue?cursor=not-a-cursor').set(reviewer)).body.violations[0],
    ).toMatchObject({ path: 'cursor' });

    const before = (await api().get('/review/counts').set(reviewer)).body.byStatus
      .AWAITING_REVIEW as number;
    const batch = await api()
      .post('/review/batch-approve')
      .set(reviewer)
      .send({ applicationNos: [...numbers, '2026-450103-999999-0'] });
    expect(batch.body).toMatchObject({ approved: 3, failed: 1 });
    expect(batch.body.results.at(-1)).toMatchObject({ ok: false, code: 'APPLICATION_NOT_FOUND' });
    expect((await api().get('/review/counts').set(reviewer)).body.byStatus.AWAITING_REVIEW).toBe(
      before - 3,
    );
  });

  it('uses the county’s own review SLA and supplement deadline (county data), not the service default', async () => {
    // The service defaults here: a one-minute SLA and three days for a supplement. The county's
    // deadline is fixed when the reviewer asks and must still be ahead when the case takes the
    // request: it gets the machine's room.
    const county = { where: { code: '450103' } };
    const supplementMs = scaled(4000);
    await sut.database.db.county.update({
      ...county,
      data: { reviewSlaMs: 2000, supplementDeadlineMs: supplementMs },
    });
    try {
      const no = await submitted();
      const row = await sut.database.db.application.findUniqueOrThrow({
        where: { applicationNo: no },
      });
      // Payloads reach the server encrypted: read the start input through the service's codec.
      const history = await decodeHistory(
        await sut.temporal.workflow.getHandle(row.workflowId).fetchHistory(),
        [payloadCodecOf(sut.config)],
      );
      const input = JSON.parse(
        Buffer.from(
          history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!.data!,
        ).toString('utf8'),
      );
      expect(input.settings.reviewSlaMs).toBe(2000);
      await eventually(
        async () =>
          (await sut.database.db.application.findUniqueOrThrow({ where: { applicationNo: no } }))
            .reviewOverdue || undefined,
        'the county’s SLA to flag the case overdue',
        30_000,
      );

      const askedAt = Date.now();
      const asked = await api()
        .post(`/applications/${no}/supplement-request`)
        .set(reviewer)
        .send({ items: ['OTHER'] });
      expect(asked.body).toEqual({ applicationNo: no, status: 'NEEDS_SUPPLEMENT' });
      await until(no, 'EXPIRED', 30_000);
      const view = await api().get(`/applications/${no}`).set(family);
      const deadline = /not provided by (\S+)\./.exec(view.body.timeline.at(-1).reason)![1]!;
      expect(Date.parse(deadline) - askedAt).toBeGreaterThanOrEqual(supplementMs - 1000);
      expect(Date.parse(deadline) - askedAt).toBeLessThan(supplementMs + scaled(10_000));
    } finally {
      await sut.database.db.county.update({
        ...county,
        data: { reviewSlaMs: null, supplementDeadlineMs: null },
      });
    }
  });
});
