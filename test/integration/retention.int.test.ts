import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { DECIDABLE_STATUSES } from '../../src/domain/enrolment';
import { maskResidentId } from '../../src/domain/resident-id';
import { RETENTION_POLICY } from '../../src/domain/retention/policy';
import { formFor, guardianFor, scannedPdf } from '../../src/testing/forms';
import {
  ensureRetentionSchedule,
  retentionScheduleId,
  runRetentionNow,
} from '../../src/worker/retention-schedule';
import { eventually } from '../support/eventually';
import { bundleWorkflows, registryPeople, startHarness, type Harness } from '../support/harness';
import { columnSealerOf } from '../../src/encryption/sealer';

/** Past the 2026 season's period (it ends 1 September 2027), within the 2027 season's. */
const AS_OF = '2028-01-01T00:00:00.000Z';

describe('retention: a season of closed cases anonymised by a workflow the schedule runs', () => {
  let sut: Harness;
  const api = () => request(sut.apiUrl);
  const as = async (token: Promise<string>) => ({ Authorization: await token });

  /** A case whose personal values are its own, so a scan of the database can look for them. */
  function personalForm(n: number, overrides: Record<string, unknown> = {}) {
    const child = registryPeople[450 + n]!;
    const guardian = {
      ...guardianFor(40 + n),
      name: `覃保${'一二三四五'[n]}`,
      mobile: `1390771000${n}`,
    };
    const home = `南宁市青秀区留存路${n}号`;
    const form = formFor(child, {
      guardians: [guardian],
      housing: {
        type: 'OWNED_SOLE',
        certificateNo: `桂(2022)南宁市不动产权第99900${n}号`,
        address: home,
      },
      ...overrides,
    });
    // What the read model stores of them (ID numbers only masked), and the numbers themselves.
    const stored = [
      child.name,
      maskResidentId(child.idNumber),
      guardian.name,
      guardian.mobile,
      home,
    ];
    const personal = [...stored, child.idNumber, guardian.idNumber];
    return { form: { ...form, child: { ...form.child, currentAddress: home } }, stored, personal };
  }

  /** Every row of every table of the read model, as text (the migrator's own table aside). */
  async function databaseText(): Promise<string> {
    const tables = await sut.database.db.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
    const dumps = await Promise.all(
      tables.map(({ tablename }) =>
        sut.database.db.$queryRawUnsafe<{ t: string | null }[]>(
          `SELECT string_agg(x::text, E'\\n') AS t FROM "${tablename}" x`,
        ),
      ),
    );
    const text = dumps.map((d) => d[0]?.t ?? '').join('\n');
    // Personal values rest sealed (docs/data-protection.md): read them as the service does.
    const sealer = columnSealerOf(sut.config);
    const sealed = [...new Set(text.match(/gxe1:[A-Za-z0-9+/=]+/g) ?? [])];
    const opened = await Promise.all(sealed.map(async (v) => JSON.stringify(await sealer.open(v))));
    return sealed.reduce((t, v, i) => t.split(v).join(opened[i]), text);
  }

  async function storedFiles(): Promise<string[]> {
    const root = join(sut.config.DATA_DIR, 'attachments');
    const dirs = await readdir(root).catch(() => []);
    const files = await Promise.all(dirs.map((d) => readdir(join(root, d))));
    return files.flat();
  }

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
  });
  afterAll(async () => {
    await sut?.temporal.schedule
      .getHandle(retentionScheduleId(sut.taskQueue))
      .delete()
      .catch(() => undefined);
    await sut?.close();
  });

  it('creates its schedule once, which starts the retention workflow on the worker', async () => {
    expect(await ensureRetentionSchedule(sut.temporal, sut.taskQueue)).toBe('created');
    expect(await ensureRetentionSchedule(sut.temporal, sut.taskQueue)).toBe('unchanged');
    const handle = sut.temporal.schedule.getHandle(retentionScheduleId(sut.taskQueue));
    const described = await handle.describe();
    expect(described.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'retention',
      taskQueue: sut.taskQueue,
    });
    expect(
      await ensureRetentionSchedule(sut.temporal, sut.taskQueue, {
        ...RETENTION_POLICY,
        version: 'next',
      }),
    ).toBe('updated');

    await handle.trigger();
    const started = await eventually(async () => {
      const recent = (await handle.describe()).info.recentActions;
      return recent[0]?.action.workflow.workflowId;
    }, 'the schedule to start a run');
    // Today no season is past its period: the scheduled run finds nothing to do.
    const report = await sut.temporal.workflow.getHandle(started).result();
    expect(report).toMatchObject({ dryRun: false, casesAnonymised: 0, documentsDeleted: 0 });
  });

  it('counts in a dry run, then anonymises a closed season: nothing personal left in tables or storage, audit kept', async () => {
    const family = await as(sut.auth.parent('family-retention'));
    const staff = await as(sut.auth.staff('450103-RP01', ['450103']));
    const reviewer = await as(sut.auth.reviewer(['450103']));

    // A family sends a document only in answer to a supplement request (issue 13's limits).
    const answerWithDocument = async (no: string, label: string) => {
      await eventually(async () => {
        const r = await api().get(`/applications/${no}`).set(reviewer);
        return DECIDABLE_STATUSES.includes(r.body.status) || undefined;
      }, `${no} to await a decision`);
      const asked = await api()
        .post(`/applications/${no}/supplement-request`)
        .set(reviewer)
        .send({ items: ['HUKOU_BOOKLET'] });
      expect(asked.body.status).toBe('NEEDS_SUPPLEMENT');
      const upload = await api()
        .post(`/applications/${no}/attachments`)
        .set(family)
        .attach('file', scannedPdf(label), 'hukou.pdf');
      expect(upload.status).toBe(201);
    };

    // 2026, withdrawn by the family (consent withdrawn), with a document and an idempotency record.
    const a = personalForm(0);
    const created = await api()
      .post('/applications')
      .set(await as(sut.auth.parent('family-retention', a.form)))
      .set('Idempotency-Key', randomUUID())
      .send(a.form);
    const aNo = created.body.applicationNo as string;
    await answerWithDocument(aNo, 'retention-a');
    expect((await api().post(`/applications/${aNo}/consent/withdraw`).set(family)).status).toBe(
      200,
    );

    // 2026, entered at a registration point on a signed paper form, rejected by the county.
    const paper = await api()
      .post('/registration/consent-forms')
      .set(staff)
      .attach('file', scannedPdf('retention-b'), 'signed.pdf');
    const b = personalForm(1, {
      channel: 'OFFLINE',
      consent: {
        dataVerification: true,
        guardianConsentForChild: true,
        paperForm: { documentSha256: paper.body.sha256 },
      },
    });
    const bNo = (await api().post('/applications').set(staff).send(b.form)).body
      .applicationNo as string;
    const awaitingDecision = (no: string) =>
      eventually(async () => {
        const r = await api().get(`/applications/${no}`).set(reviewer);
        return DECIDABLE_STATUSES.includes(r.body.status) || undefined;
      }, `${no} to await a decision`);
    await awaitingDecision(bNo);
    const rejected = await api().post(`/applications/${bNo}/decision`).set(reviewer).send({
      decision: 'REJECT',
      reasonCode: 'NOT_RESIDENT_IN_COUNTY',
      reason: '经核实不在本区居住',
    });
    expect(rejected.body.status).toBe('REJECTED');

    // 2026 but still open; and 2027, closed, whose period runs until 1 September 2028.
    const open = personalForm(2);
    const openNo = (
      await api()
        .post('/applications')
        .set(await as(sut.auth.parent('family-retention', open.form)))
        .send(open.form)
    ).body.applicationNo as string;
    const later = personalForm(3, { seasonYear: 2027 });
    const laterNo = (
      await api()
        .post('/applications')
        .set(await as(sut.auth.parent('family-retention', later.form)))
        .send(later.form)
    ).body.applicationNo as string;
    await answerWithDocument(laterNo, 'retention-later');
    await api().post(`/applications/${laterNo}/withdraw`).set(family).send({});
    await eventually(async () => {
      const rows = await sut.database.db.application.findMany({
        where: { applicationNo: { in: [aNo, laterNo] } },
      });
      return rows.every((r) => r.status === 'WITHDRAWN') || undefined;
    }, 'the withdrawals to reach the read model');
    // Settled, so that the database changes only by what retention does.
    await awaitingDecision(openNo);

    const auditBefore = await sut.database.db.auditLog.count({
      where: { applicationNo: { in: [aNo, bNo] } },
    });
    expect(auditBefore).toBeGreaterThanOrEqual(2);
    const filesBefore = await storedFiles();
    expect(filesBefore).toHaveLength(3);
    const textBefore = await databaseText();
    for (const value of [...a.stored, ...b.stored]) expect(textBefore).toContain(value);

    const expected = {
      casesAnonymised: 2,
      documentsDeleted: 2,
      idempotencyRecordsDeleted: 1,
      auditRowsKept: auditBefore,
    };
    const dry = await runRetentionNow(sut.temporal, sut.taskQueue, { dryRun: true, asOf: AS_OF });
    expect(dry).toMatchObject({ ...expected, dryRun: true, asOf: AS_OF });
    expect(await databaseText()).toBe(textBefore);
    expect(await storedFiles()).toEqual(filesBefore);

    const run = await runRetentionNow(sut.temporal, sut.taskQueue, { asOf: AS_OF });
    expect(run).toMatchObject({ ...expected, dryRun: false });

    const textAfter = await databaseText();
    for (const value of [...a.personal, ...b.personal]) expect(textAfter).not.toContain(value);
    for (const value of [...open.stored, ...later.stored]) expect(textAfter).toContain(value);
    // Sealed or not, nothing an assessment said of the family stays: notes, evidence, facts.
    const assessments = [
      ...(await sut.database.db.eligibilityAssessment.findMany({
        where: { applicationNo: { in: [aNo, bNo] } },
      })),
      ...(await sut.database.db.eligibilityAssessmentVersion.findMany({
        where: { applicationNo: { in: [aNo, bNo] } },
      })),
    ];
    expect(assessments.length).toBeGreaterThanOrEqual(2);
    for (const assessment of assessments) {
      expect(assessment).toMatchObject({ notes: [], facts: { anonymised: true } });
      const schools = assessment.schools as { evidence: unknown; tier: number }[];
      expect(schools.length).toBeGreaterThan(0);
      for (const school of schools)
        expect(school).toMatchObject({ evidence: [], tier: expect.any(Number) });
    }
    expect(await storedFiles()).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(await sut.database.db.attachment.count({ where: { applicationNo: laterNo } })).toBe(1);
    expect(
      await sut.database.db.auditLog.count({ where: { applicationNo: { in: [aNo, bNo] } } }),
    ).toBe(auditBefore);

    // What statistics need stays: county, stage, season, status, channel, the timeline's steps.
    const kept = await sut.database.db.application.findUniqueOrThrow({
      where: { applicationNo: bNo },
      include: { events: true, consent: true },
    });
    expect(kept).toMatchObject({
      countyCode: '450103',
      stage: 'PRIMARY_1',
      seasonYear: 2026,
      status: 'REJECTED',
      channel: 'OFFLINE',
      ownerSub: null,
      consent: { channel: 'OFFLINE', textVersion: expect.any(String) },
    });
    expect(kept.anonymisedAt).not.toBeNull();
    expect(kept.events.at(-1)).toMatchObject({ toStatus: 'REJECTED' });
    const family2 = await api().get('/applications').set(family);
    expect(family2.body.map((c: { applicationNo: string }) => c.applicationNo).sort()).toEqual(
      [openNo, laterNo].sort(),
    );

    const again = await runRetentionNow(sut.temporal, sut.taskQueue, { asOf: AS_OF });
    expect(again).toMatchObject({ casesAnonymised: 0, documentsDeleted: 0 });
  });
});
