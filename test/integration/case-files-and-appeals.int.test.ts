import { createHash } from 'node:crypto';
import request from 'supertest';
import { eventually } from '../support/eventually';
import { scaled } from '../support/time-scale';
import { formForFamily } from '../../src/testing/forms';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

/*
 * Issue 14: the reviewer's case file (statement, supplements, documents downloaded through the
 * API, audited, county-scoped) and appeals (复核) of a rejection, on real Temporal and PostgreSQL.
 */

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.alloc(1024, 0x41),
  Buffer.from('\n%%EOF\n'),
]);
const FILE_NAME = '户口簿 "首页".pdf';

/** Collects any response body as bytes (supertest parses only text types by default). */
const asBytes = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('case files and appeals over HTTP and Temporal', () => {
  let sut: Harness;
  let reviewer: Record<string, string>;
  let next = 300;
  const nextForm = () =>
    formForFamily(registryFamilies.filter((f) => f.countyCode === '450103')[next++]!);

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
    reviewer = { Authorization: await sut.auth.reviewer(['450103'], 'reviewer-qingxiu') };
  });
  afterAll(() => sut?.close());

  const api = () => request(sut.apiUrl);
  async function until(no: string, wanted: string) {
    await eventually(
      async () =>
        (await sut.database.db.application.findUnique({ where: { applicationNo: no } }))?.status ===
          wanted || undefined,
      `${no} to reach ${wanted}`,
    );
  }
  /** A case in review and the family's own token (bound to the form's guardian). */
  async function inReview(sub: string) {
    const form = nextForm();
    const family = { Authorization: await sut.auth.parent(sub, form) };
    const created = await api().post('/applications').set(family).send(form);
    expect(created.status).toBe(201);
    const no = created.body.applicationNo as string;
    await until(no, 'AWAITING_REVIEW');
    return { no, family, form };
  }
  async function rejected(sub: string, awaitAppealPeriod = true) {
    const c = await inReview(sub);
    const decided = await api()
      .post(`/applications/${c.no}/decision`)
      .set(reviewer)
      .send({ decision: 'REJECT', reasonCode: 'NOT_RESIDENT_IN_COUNTY', reason: '不在本区居住' });
    expect(decided.body.status).toBe('REJECTED');
    // The period opens once the result is recorded: the family's view says until when.
    if (awaitAppealPeriod)
      await eventually(
        async () =>
          (await api().get(`/applications/${c.no}`).set(c.family)).body.appeal?.state === 'OPEN' ||
          undefined,
        'the appeal period to open',
      );
    return c;
  }
  /** A case whose family answered a supplement request with words and a document. */
  async function withSupplement(sub: string) {
    const c = await inReview(sub);
    await api()
      .post(`/applications/${c.no}/supplement-request`)
      .set(reviewer)
      .send({ items: ['HUKOU_BOOKLET', 'PROPERTY_CERTIFICATE'], note: '请上传户口簿首页' })
      .expect(200);
    const uploaded = await api()
      .post(`/applications/${c.no}/attachments`)
      .set(c.family)
      .attach('file', PDF, FILE_NAME);
    expect(uploaded.status).toBe(201);
    await api()
      .post(`/applications/${c.no}/supplement`)
      .set(c.family)
      .send({
        items: [
          { item: 'HUKOU_BOOKLET', attachments: [uploaded.body.sha256] },
          { item: 'PROPERTY_CERTIFICATE', text: '不动产权证在办理中' },
        ],
      })
      .expect(200);
    return { ...c, sha256: uploaded.body.sha256 as string };
  }

  describe("the reviewer's case file", () => {
    let c: Awaited<ReturnType<typeof withSupplement>>;
    beforeAll(async () => {
      c = await withSupplement('family-casefile');
    });
    const filePath = () => `/applications/${c.no}/case-file`;
    const documentPath = () => `/applications/${c.no}/attachments/${c.sha256}`;

    it('shows the statement and the supplement’s words, and downloads its document; both reads are audited', async () => {
      const file = await api().get(filePath()).set(reviewer);
      expect(file.status).toBe(200);
      expect(file.body.statement.child.name).toBe((c.form.child as { name: string }).name);
      expect(file.body.statement.child.idNumber).toMatch(/\*{8}/);
      expect(file.body.supplements).toHaveLength(1);
      const [supplement] = file.body.supplements;
      expect(supplement.request.text).toContain('请上传户口簿首页');
      expect(supplement.items).toEqual([
        expect.objectContaining({
          item: 'HUKOU_BOOKLET',
          text: null,
          attachments: [
            expect.objectContaining({
              sha256: c.sha256,
              fileName: FILE_NAME,
              href: documentPath(),
            }),
          ],
        }),
        expect.objectContaining({ item: 'PROPERTY_CERTIFICATE', text: '不动产权证在办理中' }),
      ]);
      expect(file.body.attachments).toEqual([
        expect.objectContaining({
          sha256: c.sha256,
          mimeType: 'application/pdf',
          size: PDF.length,
        }),
      ]);

      const download = await api().get(documentPath()).set(reviewer).buffer(true).parse(asBytes);
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="___ ____.pdf"; filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`,
      );
      expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
      expect(
        createHash('sha256')
          .update(download.body as Buffer)
          .digest('hex'),
      ).toBe(c.sha256);

      const audited = await sut.database.db.auditLog.findMany({
        where: { action: { in: ['caseFiles.read', 'caseFiles.download'] }, result: 'SUCCESS' },
        orderBy: { id: 'asc' },
      });
      expect(audited.map((a) => [a.action, a.objectId, a.actor, a.countyCode])).toEqual([
        ['caseFiles.read', c.no, 'reviewer:reviewer-qingxiu', '450103'],
        ['caseFiles.download', `${c.no}/${c.sha256}`, 'reviewer:reviewer-qingxiu', '450103'],
      ]);
    });

    it('refuses a reviewer of another county (not found, audited as refused)', async () => {
      const other = { Authorization: await sut.auth.reviewer(['450703'], 'reviewer-qinbei') };
      expect((await api().get(filePath()).set(other)).status).toBe(404);
      const refused = await api().get(documentPath()).set(other);
      expect(refused.status).toBe(404);
      expect(refused.body).not.toHaveProperty('fileName');
      const denied = await sut.database.db.auditLog.findMany({
        where: { actor: 'reviewer:reviewer-qinbei', result: 'DENIED' },
      });
      expect(denied.map((a) => [a.action, a.countyCode])).toEqual(
        expect.arrayContaining([
          ['caseFiles.read', '450103'],
          ['caseFiles.download', '450103'],
        ]),
      );
    });

    it('refuses the family itself: the case file is the reviewers’', async () => {
      expect((await api().get(filePath()).set(c.family)).status).toBe(403);
      expect((await api().get(documentPath()).set(c.family)).status).toBe(403);
    });

    it('refuses a request without a token', async () => {
      expect((await api().get(filePath())).status).toBe(401);
      expect((await api().get(documentPath())).status).toBe(401);
    });
  });

  describe('appeals (复核)', () => {
    it('re-opens review when the county accepts a family’s appeal of a rejection', async () => {
      const c = await rejected('family-appeal-accepted');
      const appealed = await api()
        .post(`/applications/${c.no}/appeal`)
        .set(c.family)
        .send({ reason: '我们已在本区居住三年,有租赁备案' });
      expect(appealed.body).toEqual({ applicationNo: c.no, status: 'REJECTED' });
      const pending = await api().get(`/applications/${c.no}`).set(c.family);
      expect(pending.body.appeal).toMatchObject({ state: 'PENDING' });
      const file = await api().get(`/applications/${c.no}/case-file`).set(reviewer);
      expect(file.body.appeal).toMatchObject({ reason: '我们已在本区居住三年,有租赁备案' });

      const accepted = await api()
        .post(`/applications/${c.no}/appeal-decision`)
        .set(reviewer)
        .send({ decision: 'ACCEPT', reason: '补充材料证明在本区居住,重新审核' });
      expect(accepted.body).toEqual({ applicationNo: c.no, status: 'AWAITING_REVIEW' });
      await until(c.no, 'AWAITING_REVIEW');
      // The same run goes on: the reviewer decides again.
      const approved = await api()
        .post(`/applications/${c.no}/decision`)
        .set(reviewer)
        .send({ decision: 'APPROVE' });
      expect(approved.body.status).toBe('APPROVED');
      const audit = await sut.database.db.auditLog.findMany({
        where: { applicationNo: c.no },
        orderBy: { id: 'asc' },
      });
      expect(audit.map((a) => `${a.action}:${a.beforeStatus}->${a.afterStatus}`)).toEqual([
        'REJECT:AWAITING_REVIEW->REJECTED',
        'APPEAL:REJECTED->REJECTED',
        'APPEAL_ACCEPT:REJECTED->AWAITING_REVIEW',
        'APPROVE:AWAITING_REVIEW->APPROVED',
      ]);
    });

    it('lets the child apply again instead of appealing: the rejected case closes unappealed', async () => {
      const c = await rejected('family-reapplies');
      const again = await api().post('/applications').set(c.family).send(c.form);
      expect(again.status).toBe(201);
      expect(again.body.applicationNo).not.toBe(c.no);
      await until(again.body.applicationNo, 'AWAITING_REVIEW');
      const old = await sut.database.db.application.findUniqueOrThrow({
        where: { applicationNo: c.no },
      });
      expect(old.status).toBe('REJECTED');
      const run = await sut.temporal.workflow.getHandle(old.workflowId, old.runId).describe();
      expect(run.status.name).toBe('COMPLETED');
      // Applying again was the family's answer: the old case can no longer be appealed.
      const late = await api()
        .post(`/applications/${c.no}/appeal`)
        .set(c.family)
        .send({ reason: '请求复核' });
      expect(late.status).toBe(409);
    });

    it('keeps a rejection under appeal: applying again meanwhile is a duplicate', async () => {
      const c = await rejected('family-appeals-then-reapplies');
      await api()
        .post(`/applications/${c.no}/appeal`)
        .set(c.family)
        .send({ reason: '孩子户籍已迁入本区' })
        .expect(200);
      const again = await api().post('/applications').set(c.family).send(c.form);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'DUPLICATE_APPLICATION' });
      const pending = await api().get(`/applications/${c.no}`).set(c.family);
      expect(pending.body.appeal).toMatchObject({ state: 'PENDING' });
    });

    it('refuses an appeal after the county’s period, in Chinese and English', async () => {
      const admin = { Authorization: await sut.auth.admin(['450103']) };
      const periods = (appealWindowMs: number | null) =>
        api().put('/admin/counties/450103/periods').set(admin).send({ appealWindowMs });
      expect((await periods(1000)).body).toMatchObject({ code: '450103', appealWindowMs: 1000 });
      try {
        const c = await rejected('family-appeal-late', false);
        const row = await sut.database.db.application.findUniqueOrThrow({
          where: { applicationNo: c.no },
        });
        // The period over, the case's run closes.
        await eventually(
          async () =>
            (await sut.temporal.workflow.getHandle(row.workflowId, row.runId).describe()).status
              .name === 'COMPLETED' || undefined,
          'the appeal period to end',
          scaled(30_000),
        );
        const late = await api()
          .post(`/applications/${c.no}/appeal`)
          .set(c.family)
          .send({ reason: '请求复核' });
        expect(late.status).toBe(409);
        expect(late.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(late.body).toMatchObject({
          code: 'APPEAL_WINDOW_CLOSED',
          detail: 'The period for appealing this result has passed.',
          detail_zh: '已超过申请复核的期限,不能再申请复核。',
        });
      } finally {
        expect((await periods(null)).status).toBe(200);
      }
    });

    it('tells the family, in its view and through the platform, why an upheld result stands', async () => {
      const c = await rejected('family-appeal-upheld');
      const platform = {
        Authorization: await sut.auth.platform(),
        'X-Family-Token': await sut.auth.family('family-appeal-upheld', c.form),
      };
      const open = await api().get(`/applications/${c.no}`).set(platform);
      expect(open.body.appeal).toMatchObject({
        state: 'OPEN',
        text: { zh: expect.stringContaining('复核') },
      });
      await api()
        .post(`/applications/${c.no}/appeal`)
        .set(platform)
        .send({ reason: '孩子户籍已迁入本区' })
        .expect(200);
      const twice = await api()
        .post(`/applications/${c.no}/appeal`)
        .set(platform)
        .send({ reason: '再次申请' });
      expect(twice.status).toBe(409);

      const reason = '经复核,户籍迁入时间晚于报名截止日期';
      const upheld = await api()
        .post(`/applications/${c.no}/appeal-decision`)
        .set(reviewer)
        .send({ decision: 'UPHOLD', reason });
      expect(upheld.body).toEqual({ applicationNo: c.no, status: 'REJECTED' });

      const view = await api().get(`/applications/${c.no}`).set(c.family);
      expect(view.body.status).toBe('REJECTED');
      expect(view.body.appeal).toMatchObject({
        state: 'UPHELD',
        reason,
        text: { zh: '复核维持原结果', en: 'After review, the result stands' },
      });
      expect(view.body.timeline.at(-1).reason).toContain(reason);
      await eventually(
        () =>
          sut.simulator.callbacks.find(
            (n) => n.body.applicationNo === c.no && String(n.body.reason).includes(reason),
          ),
        'the platform to hear of the answer',
      );
    });
  });
});
