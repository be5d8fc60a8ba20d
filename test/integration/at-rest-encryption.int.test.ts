import { randomInt } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { EligibilityRepository } from '../../src/db/eligibility-repository';
import { resealStoredData } from '../../src/db/reseal';
import { columnSealerOf, isSealed } from '../../src/encryption/sealer';
import { LocalDiskAttachmentStore } from '../../src/storage/attachment-store';
import { applicationFormSchema } from '../../src/domain/forms/application-form';
import { formForFamily } from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';
import { scaled } from '../support/time-scale';

/**
 * Issue 12: personal data rests encrypted. After a real case (submission, checks, assessment, a
 * supplement with a document, approval), every table read with raw SQL and every file of the
 * storage folder read from disk hold none of the family's ID numbers, names, mobiles, addresses
 * or certificate numbers, while the API still reads them, and rows written before encryption
 * still read as they are.
 */
describe('personal data encrypted at rest', () => {
  let sut: Harness;
  const family = registryFamilies.filter((f) => f.countyCode === '450103')[3]!;
  const mobile = `139${String(randomInt(10_000_000, 99_999_999))}`;
  const raw = formForFamily(family);
  raw.guardians = (raw.guardians as object[]).map((g) => ({ ...g, mobile }));
  /** The form as submitted, typed, to take the needles from. */
  const form = applicationFormSchema.parse(raw);
  const housing = form.housing as { certificateNo?: string; address?: string } | undefined;
  const needles = [
    form.child.idNumber,
    form.child.name,
    form.child.hukouAddress,
    ...form.guardians.flatMap((g) => [g.idNumber, g.name, g.mobile]),
    ...(housing?.certificateNo ? [housing.certificateNo, housing.address!] : []),
  ];
  const document = Buffer.from(
    `%PDF-1.4\n${form.child.name} ${form.child.idNumber} ${mobile}\n%%EOF\n`,
  );
  let applicationNo: string;
  let parent: Record<string, string>;
  let reviewer: Record<string, string>;

  const api = () => request(sut.apiUrl);
  const sealer = () => columnSealerOf(sut.config);
  const attachmentsDir = () => join(sut.config.DATA_DIR, 'attachments');
  const store = () => new LocalDiskAttachmentStore(attachmentsDir(), sealer());
  const reached = (status: string) =>
    eventually(async () => {
      const row = await sut.database.db.application.findUnique({ where: { applicationNo } });
      return row?.status === status ? row : undefined;
    }, `${applicationNo} to reach ${status}`);

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
    parent = { Authorization: await sut.auth.parent('family-at-rest', raw) };
    reviewer = { Authorization: await sut.auth.reviewer(['450103'], 'reviewer-at-rest') };
    const created = await api().post('/applications').set(parent).send(raw);
    expect(created.status).toBe(201);
    applicationNo = created.body.applicationNo as string;
    await reached('AWAITING_REVIEW');
    await api()
      .post(`/applications/${applicationNo}/supplement-request`)
      .set(reviewer)
      .send({ items: ['HUKOU_BOOKLET'], note: '请上传户口簿首页' })
      .expect(200);
    const uploaded = await api()
      .post(`/applications/${applicationNo}/attachments`)
      .set(parent)
      .attach('file', document, `${form.child.name}户口簿.pdf`);
    expect(uploaded.status).toBe(201);
    await api()
      .post(`/applications/${applicationNo}/supplement`)
      .set(parent)
      .send({
        items: [
          { item: 'HUKOU_BOOKLET', text: `请致电 ${mobile}`, attachments: [uploaded.body.sha256] },
        ],
      })
      .expect(200);
    await reached('AWAITING_REVIEW');
    await api()
      .post(`/applications/${applicationNo}/decision`)
      .set(reviewer)
      .send({ decision: 'APPROVE' })
      .expect(200);
    await reached('APPROVED');
  }, scaled(180_000));
  afterAll(() => sut?.close());

  async function withSql<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: sut.database.url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  /** Every row of every table of the read model, as PostgreSQL prints it. */
  const everyRow = () =>
    withSql(async (client) => {
      const tables = await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      const rows: string[] = [];
      for (const { name } of tables.rows) {
        const result = await client.query<{ row: string }>(
          `SELECT t::text AS row FROM "${name}" t`,
        );
        rows.push(...result.rows.map((r) => `${name}: ${r.row}`));
      }
      return rows;
    });

  async function storedFiles(): Promise<Buffer[]> {
    const entries = await readdir(attachmentsDir(), { recursive: true, withFileTypes: true });
    return Promise.all(
      entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name))),
    );
  }

  it('leaves no ID number, name, mobile, address or certificate number readable in any table', async () => {
    const rows = await everyRow();
    // The scan reads the case: its rows are there, sealed.
    const caseRows = rows.filter((r) => r.includes(applicationNo));
    expect(caseRows.length).toBeGreaterThan(5);
    expect(rows.some((r) => r.startsWith('attachment:') && r.includes('gxe1:'))).toBe(true);
    for (const needle of needles) expect(rows.filter((r) => r.includes(needle))).toEqual([]);
  });

  it('leaves no ID number, name or mobile readable in the storage folder', async () => {
    const files = await storedFiles();
    expect(files).toHaveLength(1);
    expect(isSealed(files[0])).toBe(true);
    for (const needle of needles) expect(files[0]!.includes(Buffer.from(needle))).toBe(false);
    const [stored] = await sut.database.db.attachment.findMany({ where: { applicationNo } });
    expect(await store().get(stored!.storageKey)).toEqual(document);
  });

  it('still shows officials and the family what was sealed', async () => {
    const official = await api().get(`/applications/${applicationNo}`).set(reviewer).expect(200);
    expect(official.body.child.name).toBe(form.child.name);
    expect(JSON.stringify(official.body.verification)).toContain(form.child.name);
    expect(official.body.assessment.facts).toEqual(expect.any(Object));
    const mine = await api().get('/applications').set(parent).expect(200);
    expect(mine.body.map((a: { childName: string }) => a.childName)).toEqual([form.child.name]);
  });

  it('reads rows and documents stored before encryption as they are, until `reseal` seals them', async () => {
    const legacyCertificate = `桂(2019)南宁市不动产权第${String(randomInt(1_000_000, 9_999_999))}号`;
    const checks = await withSql(async (client) => {
      await client.query(`UPDATE application SET child_name = $2 WHERE application_no = $1`, [
        applicationNo,
        '旧数据',
      ]);
      const updated = await client.query(
        `UPDATE verification_result SET evidence = $2 WHERE application_no = $1`,
        [applicationNo, JSON.stringify({ found: true, note: '旧证据' })],
      );
      await client.query(
        `INSERT INTO housing_lock (certificate_no, stage, locked_until, application_no)
         VALUES ($1, 'PRIMARY_1', '2030-08-31', '2024-450103-000001-0')`,
        [legacyCertificate],
      );
      return updated.rowCount;
    });
    expect(checks).toBeGreaterThan(0);
    const official = await api().get(`/applications/${applicationNo}`).set(reviewer).expect(200);
    expect(official.body.child.name).toBe('旧数据');
    expect(official.body.verification[0].evidence).toEqual({ found: true, note: '旧证据' });
    const eligibility = new EligibilityRepository(sut.database.db, sealer());
    expect(await eligibility.housingLock(legacyCertificate)).toMatchObject({
      lockedUntil: '2030-08-31',
    });

    const [stored] = await sut.database.db.attachment.findMany({ where: { applicationNo } });
    await writeFile(join(attachmentsDir(), stored!.storageKey), document);
    expect(await store().get(stored!.storageKey)).toEqual(document);

    const counts = await withSql((client) => resealStoredData(client, sealer(), attachmentsDir()));
    expect(counts).toMatchObject({
      'application.child_name': 1,
      'verification_result.evidence': checks,
      'application.statement': 0,
      // This one and the demo data's lock (seeded by certificate number, as before encryption).
      'housing_lock.certificate_no': 2,
      documents: 1,
    });
    const rows = await everyRow();
    for (const plain of ['旧数据', '旧证据', legacyCertificate])
      expect(rows.filter((r) => r.includes(plain))).toEqual([]);
    expect(isSealed((await storedFiles())[0])).toBe(true);
    const again = await api().get(`/applications/${applicationNo}`).set(reviewer).expect(200);
    expect(again.body.child.name).toBe('旧数据');
    expect(again.body.verification[0].evidence).toEqual({ found: true, note: '旧证据' });
    expect(await eligibility.housingLock(legacyCertificate)).toBeDefined();
    expect(await store().get(stored!.storageKey)).toEqual(document);
    // Idempotent: nothing is left to seal.
    const second = await withSql((client) => resealStoredData(client, sealer(), attachmentsDir()));
    expect(Object.values(second).every((n) => n === 0)).toBe(true);
  });
});
