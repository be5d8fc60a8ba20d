import request from 'supertest';
import { FIXTURE_FAMILIES } from '../../src/simulator/fixtures';
import { formForFamily } from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import { scaled } from '../support/time-scale';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';
import { columnSealerOf } from '../../src/encryption/sealer';

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.alloc(2048, 0x20),
  Buffer.from('\n%%EOF\n'),
]);

describe('re-assessment from everything verified: offline checks, supplements, policy care', () => {
  let sut: Harness;
  let family: Record<string, string>;
  let reviewer: Record<string, string>;

  beforeAll(async () => {
    // A short verification budget, so a department outage sends the case to an offline check.
    sut = await startHarness({
      workflowBundle: await bundleWorkflows(),
      env: { VERIFICATION_RETRY_BUDGET_MS: '2000' },
    });
    family = { Authorization: await sut.auth.parent('family-reassess') };
    reviewer = { Authorization: await sut.auth.reviewer(['450103'], 'reviewer-qingxiu') };
  });
  afterAll(() => sut?.close());

  const api = () => request(sut.apiUrl);
  async function until(no: string, wanted: string) {
    await eventually(
      async () =>
        (await sut.database.db.application.findUnique({ where: { applicationNo: no } }))?.status ===
        wanted
          ? true
          : undefined,
      `${no} to reach ${wanted}`,
    );
  }
  const admittedSchool = async (no: string) => {
    const row = await sut.database.db.application.findUniqueOrThrow({
      where: { applicationNo: no },
    });
    // The admission result rests sealed (it may name a housing certificate).
    const admission = await columnSealerOf(sut.config).open(row.admission);
    return (admission as { schoolId: string }).schoolId;
  };
  const assessment = (no: string) =>
    sut.database.db.eligibilityAssessment.findUniqueOrThrow({ where: { applicationNo: no } });

  it('admits a child whose identity an offline check confirmed, and places confirmed policy care in the POLICY_CARE tier', async () => {
    // Case 1: the police registry is down, so identity is UNAVAILABLE and goes to an offline check.
    sut.simulator.faults.set('identity', {
      outageUntil: new Date(Date.now() + scaled(600_000)).toISOString(),
    });
    const offlineForm = formForFamily(FIXTURE_FAMILIES.liXiaoming);
    const offline = await api()
      .post('/applications')
      .set({ Authorization: await sut.auth.parent('family-reassess', offlineForm) })
      .send(offlineForm);
    expect(offline.status).toBe(201);
    const offlineNo = offline.body.applicationNo as string;
    // Case 3: same outage, but the offline check confirms no fact: it stays not eligible.
    const unconfirmedForm = formForFamily(
      registryFamilies.filter((f) => f.countyCode === '450103')[0]!,
    );
    const unconfirmed = await api()
      .post('/applications')
      .set({ Authorization: await sut.auth.parent('family-reassess', unconfirmedForm) })
      .send(unconfirmedForm);
    const unconfirmedNo = unconfirmed.body.applicationNo as string;
    await until(offlineNo, 'AWAITING_OFFLINE_CHECK');
    await until(unconfirmedNo, 'AWAITING_OFFLINE_CHECK');
    sut.simulator.faults.clear('identity');
    expect(await assessment(offlineNo)).toMatchObject({ eligible: false, version: 1 });

    const refused = await api()
      .post(`/applications/${offlineNo}/offline-check`)
      .set(reviewer)
      .send({
        registrationPointId: '450103-RP01',
        staffId: 'staff-007',
        itemsSeen: ['BIRTH_CERTIFICATE'],
        outcome: 'NOT_VERIFIED',
        confirms: [{ fact: 'IDENTITY' }],
      });
    expect(refused.status).toBe(400);
    expect(refused.body.violations[0]).toMatchObject({ path: 'confirms' });

    const checked = await api()
      .post(`/applications/${offlineNo}/offline-check`)
      .set(reviewer)
      .send({
        registrationPointId: '450103-RP01',
        staffId: 'staff-007',
        itemsSeen: ['BIRTH_CERTIFICATE', 'HUKOU_BOOKLET'],
        outcome: 'VERIFIED',
        confirms: [{ fact: 'IDENTITY' }],
      });
    expect(checked.body).toEqual({ applicationNo: offlineNo, status: 'AWAITING_REVIEW' });
    expect(await assessment(offlineNo)).toMatchObject({ eligible: true, version: 2 });
    const versions = await sut.database.db.eligibilityAssessmentVersion.findMany({
      where: { applicationNo: offlineNo },
      orderBy: { version: 'asc' },
    });
    expect(versions.map((v) => [v.version, v.eligible])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(versions[1]).toMatchObject({
      cause: 'OFFLINE_CHECK by reviewer:reviewer-qingxiu: IDENTITY',
      confirmations: [expect.objectContaining({ fact: 'IDENTITY', source: 'OFFLINE_CHECK' })],
    });
    const history = await api().get(`/applications/${offlineNo}/assessments`).set(reviewer);
    expect(history.body).toEqual([
      expect.objectContaining({ version: 1, cause: 'CHECKS', eligible: false }),
      expect.objectContaining({
        version: 2,
        eligible: true,
        confirmations: versions[1]!.confirmations,
      }),
    ]);
    // Each version holds the verified facts: the reviewer's read is audited like a case view.
    expect(
      await sut.database.db.auditLog.findMany({
        where: { action: 'review.assessments', objectId: offlineNo },
      }),
    ).toEqual([
      expect.objectContaining({
        actor: 'reviewer:reviewer-qingxiu',
        result: 'SUCCESS',
        requestId: history.headers['x-request-id'],
      }),
    ]);
    expect((await api().get(`/applications/${offlineNo}/assessments`).set(family)).status).toBe(
      403,
    );
    const view = await api().get(`/applications/${offlineNo}`).set(family);
    expect(view.body.timeline.at(-1)).toMatchObject({
      from: 'AWAITING_REVIEW',
      to: 'AWAITING_REVIEW',
      reason: expect.stringMatching(
        /^Re-assessed \(version 2\) after OFFLINE_CHECK .*not eligible \(IDENTITY_NOT_CONFIRMED\) → eligible/,
      ),
    });

    // Case 2: verified online; the family proves policy care (军人子女) by a supplement.
    const onlineForm = formForFamily(FIXTURE_FAMILIES.weiNongLan);
    const online = await api()
      .post('/applications')
      .set({ Authorization: await sut.auth.parent('family-reassess', onlineForm) })
      .send(onlineForm);
    const onlineNo = online.body.applicationNo as string;
    await until(onlineNo, 'AWAITING_REVIEW');
    const tierBefore = ((await assessment(onlineNo)).schools as { tier: number }[])[0]!.tier;
    expect(tierBefore).toBeGreaterThan(1);
    const noSupplementYet = await api()
      .post(`/applications/${onlineNo}/facts`)
      .set(reviewer)
      .send({ source: 'SUPPLEMENT', confirms: [{ fact: 'POLICY_CARE', category: 'MILITARY' }] });
    expect(noSupplementYet.status).toBe(400);
    await api()
      .post(`/applications/${onlineNo}/supplement-request`)
      .set(reviewer)
      .send({ items: ['POLICY_CARE_PROOF'], note: '请上传军人子女证明' })
      .expect(200);
    const uploaded = await api()
      .post(`/applications/${onlineNo}/attachments`)
      .set(family)
      .attach('file', PDF, '军人证明.pdf')
      .expect(201);
    await api()
      .post(`/applications/${onlineNo}/supplement`)
      .set(family)
      .send({ items: [{ item: 'POLICY_CARE_PROOF', attachments: [uploaded.body.sha256] }] })
      .expect(200);
    const confirmed = await api()
      .post(`/applications/${onlineNo}/facts`)
      .set(reviewer)
      .send({
        source: 'SUPPLEMENT',
        confirms: [{ fact: 'POLICY_CARE', category: 'MILITARY' }],
        note: '军人子女证明已核',
      });
    expect(confirmed.body).toEqual({ applicationNo: onlineNo, status: 'AWAITING_REVIEW' });
    const official = await api().get(`/applications/${onlineNo}`).set(reviewer);
    expect(official.body.assessment.schools[0]).toMatchObject({
      tier: 1,
      predicate: 'POLICY_CARE',
      evidence: [expect.stringContaining('军人子女')],
    });
    expect(official.body.timeline.at(-1).reason).toContain(`tier ${tierBefore} → 1 (POLICY_CARE)`);
    const mine = await api().get(`/applications/${onlineNo}`).set(family);
    expect(mine.body.priority.schools[0]).toMatchObject({ tier: 1, predicate: 'POLICY_CARE' });
    const audit = await sut.database.db.auditLog.findMany({
      where: { applicationNo: onlineNo, action: 'CONFIRM_FACTS' },
    });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'reviewer:reviewer-qingxiu',
        reason: 'SUPPLEMENT: POLICY_CARE (MILITARY) (军人子女证明已核)',
      }),
    ]);

    await api()
      .post(`/applications/${unconfirmedNo}/offline-check`)
      .set(reviewer)
      .send({
        registrationPointId: '450103-RP01',
        staffId: 'staff-007',
        itemsSeen: ['HUKOU_BOOKLET'],
        outcome: 'VERIFIED',
      })
      .expect(200);

    // All approved; the round uses the latest assessment of each.
    for (const no of [offlineNo, onlineNo, unconfirmedNo])
      await api()
        .post(`/applications/${no}/decision`)
        .set(reviewer)
        .send({ decision: 'APPROVE' })
        .expect(200);
    const admin = { Authorization: await sut.auth.admin(['450103']) };
    const round = await api()
      .post('/rounds')
      .set(admin)
      .send({ countyCode: '450103', stage: 'PRIMARY_1', seasonYear: 2026 });
    expect(round.status).toBe(201);
    await until(offlineNo, 'ADMITTED');
    await until(onlineNo, 'ADMITTED');
    await until(unconfirmedNo, 'NOT_ADMITTED');
    const frozen = await sut.database.db.admissionRoundApplicant.findUniqueOrThrow({
      where: { roundId_applicationNo: { roundId: round.body.roundId, applicationNo: onlineNo } },
    });
    expect(frozen.entry).toMatchObject({ eligible: true, choices: [{ tier: 1 }] });

    // The family not placed reads why and what next; the platform hears of a place by school.
    const notPlaced = await api().get(`/applications/${unconfirmedNo}`).set(family);
    expect(notPlaced.body.admission.explanation.zh).toMatch(
      /^本轮未录取:不符合入学条件——儿童身份信息未经公安数据核验确认。 下一步:/,
    );
    const school = await sut.database.db.school.findUniqueOrThrow({
      where: { id: await admittedSchool(offlineNo) },
    });
    const notice = await eventually(
      () =>
        sut.simulator.callbacks.find(
          (c) => c.body.applicationNo === offlineNo && c.body.status === 'ADMITTED',
        ),
      'the admission notice',
    );
    expect(notice.body).toMatchObject({
      school: { id: school.id, name: school.nameZh },
      reason: expect.stringMatching(new RegExp(`^已被${school.nameZh}录取[^\\n]*\\nAdmitted to `)),
    });
  });
});
