import request from 'supertest';
import type { CheckResult } from '../../src/domain/verification/checks';
import { verificationActivities } from '../../src/activities/verify-checks';
import { DataSharingClient } from '../../src/integration/data-sharing/client';
import { applicationFormSchema } from '../../src/domain/forms/application-form';
import { FIXTURE_FAMILIES, UNREGISTERED } from '../../src/simulator/fixtures';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server';
import type { EnrolmentApplicationInput } from '../../src/contract';
import { decodeWithin, payloadCodecOf } from '../../src/temporal/data-converter';
import { eventually } from '../support/eventually';
import { scaled } from '../support/time-scale';
import { formBFor, formFor, formForFamily } from '../../src/testing/forms';
import { bundleWorkflows, registryFamilies, startHarness, type Harness } from '../support/harness';

const KEY = 'verification-test';
const SECRET = 'verification-test-secret';

function inputOf(body: Record<string, unknown>): EnrolmentApplicationInput {
  const form = applicationFormSchema.parse(body);
  return {
    applicationNo: '2026-450103-000001-2',
    form,
    childKey: 'k',
    childIdMasked: 'm',
    ownerSub: null,
    submittedBy: 'test',
    registrationPointId: null,
    submittedAt: new Date().toISOString(),
    settings: {
      verificationAttemptTimeoutMs: 5000,
      verificationRetryBudgetMs: 60_000,
      reviewSlaMs: 86_400_000,
    },
  };
}

describe('each department check against the simulator, over HTTP', () => {
  let simulator: RunningSimulator;
  let sut: ReturnType<typeof verificationActivities>;
  const li = FIXTURE_FAMILIES.liXiaoming;
  const huang = FIXTURE_FAMILIES.huangSiqi;
  const wei = FIXTURE_FAMILIES.weiNongLan;
  const noPermit = registryFamilies.find((f) => f.archetype === 'MIGRANT_NO_PERMIT')!;

  beforeAll(async () => {
    simulator = await startSimulator({
      port: 0,
      appKey: KEY,
      appSecret: SECRET,
      seed: 7,
      populationSize: 500,
      callbackSecret: 'unused',
    });
    sut = verificationActivities(
      new DataSharingClient({
        baseUrl: simulator.url,
        appKey: KEY,
        appSecret: SECRET,
        timeoutMs: scaled(2000),
      }),
    );
  });
  afterAll(() => simulator?.close());

  const summary = (r: CheckResult) =>
    `${r.outcome}${r.mismatchedFields.length ? ` ${r.mismatchedFields.join(',')}` : ''}`;
  const liForm = formForFamily(li);
  const huangForm = formForFamily(huang);

  it.each<[string, keyof typeof sut, Record<string, unknown>, string]>([
    ['identity matches', 'verifyIdentity', liForm, 'MATCH'],
    [
      'identity with another name',
      'verifyIdentity',
      { ...liForm, child: { ...(liForm.child as object), name: '李晓明' } },
      'MISMATCH name',
    ],
    ['identity never issued', 'verifyIdentity', formFor(UNREGISTERED), 'NOT_FOUND'],
    ['household matches', 'verifyHousehold', liForm, 'MATCH'],
    [
      'household at another address',
      'verifyHousehold',
      {
        ...liForm,
        child: { ...(liForm.child as object), hukouAddress: '南宁市青秀区民族大道101号' },
      },
      'MISMATCH child.hukouAddress',
    ],
    ['household not registered', 'verifyHousehold', formFor(UNREGISTERED), 'NOT_FOUND'],
    ['property matches', 'verifyProperty', liForm, 'MATCH'],
    [
      'property claimed as co-owned',
      'verifyProperty',
      { ...liForm, housing: { ...(liForm.housing as object), type: 'OWNED_SHARED' } },
      'MISMATCH housing.type',
    ],
    [
      'property at another address',
      'verifyProperty',
      {
        ...liForm,
        housing: { ...(liForm.housing as object), address: '南宁市青秀区民族大道102号' },
      },
      'MISMATCH housing.address',
    ],
    ['grandparents’ property', 'verifyProperty', formForFamily(wei), 'MATCH'],
    [
      'property not registered',
      'verifyProperty',
      {
        ...liForm,
        housing: { ...(liForm.housing as object), certificateNo: '桂(2020)不存在第1号' },
      },
      'NOT_FOUND',
    ],
    ['residence permit matches', 'verifyResidencePermit', huangForm, 'MATCH'],
    [
      'residence permit with another number',
      'verifyResidencePermit',
      {
        ...huangForm,
        residencePermit: { ...(huangForm.residencePermit as object), number: '450103202500099999' },
      },
      'MISMATCH residencePermit.number',
    ],
    ['no residence permit', 'verifyResidencePermit', formForFamily(noPermit), 'NOT_FOUND'],
    ['social insurance matches', 'verifySocialInsurance', huangForm, 'MATCH'],
    [
      'social insurance over-declared',
      'verifySocialInsurance',
      {
        ...huangForm,
        employment: { ...(huangForm.employment as object), socialInsuranceMonths: 24 },
      },
      'MISMATCH employment.socialInsuranceMonths',
    ],
    [
      'no social insurance',
      'verifySocialInsurance',
      { ...huangForm, guardians: formForFamily(wei).guardians },
      'NOT_FOUND',
    ],
    ['the father in the child’s household', 'verifyRelation', liForm, 'MATCH'],
    ['the grandchild’s parent in the household', 'verifyRelation', formForFamily(wei), 'MATCH'],
    [
      'a stranger named as guardian',
      'verifyRelation',
      { ...liForm, guardians: formForFamily(wei).guardians },
      'NOT_FOUND',
    ],
    [
      'a stranger beside the father',
      'verifyRelation',
      {
        ...liForm,
        guardians: [
          ...(liForm.guardians as object[]),
          (formForFamily(wei).guardians as object[])[0],
        ],
      },
      'MISMATCH guardians[1].idNumber',
    ],
    ['the mother on a Form B birth certificate', 'verifyRelation', huangForm, 'MATCH'],
    [
      'a Form B guardian the birth certificate does not name',
      'verifyRelation',
      { ...huangForm, guardians: formForFamily(wei).guardians },
      'MISMATCH guardians[0].idNumber',
    ],
    ['no birth certificate', 'verifyRelation', formBFor(UNREGISTERED), 'NOT_FOUND'],
  ])('%s', async (_name, check, body, expected) => {
    const result = await sut[check](inputOf(body));
    expect(summary(result)).toBe(expected);
  });

  it('keeps what the registry said as evidence, with ID numbers masked', async () => {
    const result = await sut.verifyHousehold(inputOf(liForm));
    expect(result.evidence).toMatchObject({
      found: true,
      address: li.households[0]!.address,
      catchmentUnit: '450103-C01',
      childMoveInDate: '2020-04-10',
    });
    const json = JSON.stringify(result.evidence);
    for (const person of [li.child, ...li.guardians]) expect(json).not.toContain(person.idNumber);
  });
});

describe('verification inside the application workflow', () => {
  let sut: Harness;
  let family: Record<string, string>;
  let reviewer: Record<string, string>;

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
    family = { Authorization: await sut.auth.parent('family-verification') };
    reviewer = { Authorization: await sut.auth.reviewer(['450103', '450703']) };
  });
  afterAll(() => sut?.close());
  afterEach(() => sut.simulator.faults.clear());

  async function submitAndWait(body: object, wanted = 'AWAITING_REVIEW') {
    const created = await request(sut.apiUrl)
      .post('/applications')
      .set({
        Authorization: await sut.auth.parent(
          'family-verification',
          body as Record<string, unknown>,
        ),
      })
      .send(body);
    expect(created.status).toBe(201);
    await eventually(
      async () => {
        const row = await sut.database.db.application.findUnique({
          where: { applicationNo: created.body.applicationNo },
        });
        return row?.status === wanted ? row : undefined;
      },
      `${created.body.applicationNo} to reach ${wanted}`,
      60_000,
    );
    return created.body.applicationNo as string;
  }

  it.each<[string, keyof typeof FIXTURE_FAMILIES, number, string[]]>([
    ['a sole-owned home at the hukou address', 'liXiaoming', 1, []],
    ['a migrant family with the four proofs', 'huangSiqi', 8, []],
    ['three generations at the grandparents’ home', 'weiNongLan', 4, []],
    ['a home whose certificate is locked by an earlier admission', 'zhaoYu', 5, ['HOUSING_LOCKED']],
  ])('derives the tier of %s from the registries', async (_name, fixture, tier, notes) => {
    const applicationNo = await submitAndWait(formForFamily(FIXTURE_FAMILIES[fixture]));
    const mine = await request(sut.apiUrl).get(`/applications/${applicationNo}`).set(family);
    expect(mine.body.priority).toMatchObject({
      eligible: true,
      schools: [expect.objectContaining({ tier })],
    });
    expect(mine.body.priority.notes.map((n: { code: string }) => n.code)).toEqual(notes);
    expect(mine.body.verification.every((v: { confirmed: boolean }) => v.confirmed)).toBe(true);
    expect(mine.body.verification[0].zh).toMatch(/核验一致/);
    expect(mine.body).not.toHaveProperty('assessment');
    const official = await request(sut.apiUrl).get(`/applications/${applicationNo}`).set(reviewer);
    expect(official.body.assessment.schools[0]).toMatchObject({
      tier,
      evidence: expect.any(Array),
    });
    expect(
      official.body.verification.find((v: { check: string }) => v.check === 'HOUSEHOLD').evidence,
    ).toMatchObject({ found: true });
  });

  it('takes a case to review with its first two steps recorded, and their notices sent, in one activity each', async () => {
    // A family no other test here submits: a child has one open case.
    const owner = registryFamilies.filter((f) => f.archetype === 'SOLE_OWNER_AT_HUKOU')[3]!;
    const applicationNo = await submitAndWait(formForFamily(owner));
    const row = await sut.database.db.application.findUniqueOrThrow({ where: { applicationNo } });
    const notices = await eventually(
      () => {
        // A delivery whose answer a loaded machine lost comes again under its id: count it once.
        const sent = sut.simulator.callbacks.filter(
          (c, i, all) =>
            c.body.applicationNo === applicationNo &&
            all.findIndex((d) => d.deliveryId === c.deliveryId) === i,
        );
        return sent.some((c) => c.body.status === 'AWAITING_REVIEW') ? sent : undefined;
      },
      'the AWAITING_REVIEW notice to reach the platform',
      60_000,
    );
    expect(notices.map((c) => c.body.status)).toEqual([
      'SUBMITTED',
      'VERIFYING',
      'AWAITING_REVIEW',
    ]);
    const history = await sut.temporal.workflow.getHandle(row.workflowId).fetchHistory();
    const scheduled = (history.events ?? []).flatMap(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? [],
    );
    expect(scheduled.filter((a) => !a.startsWith('verify'))).toEqual([
      'recordTransitions',
      'notifyPlatformInOrder',
      'recordChecksAndAssess',
      'recordTransition',
      'notifyPlatform',
    ]);
    const timeline = await sut.database.db.applicationEvent.findMany({
      where: { applicationNo },
      orderBy: { seq: 'asc' },
    });
    expect(timeline.map((e) => [e.seq, e.toStatus])).toEqual([
      [1, 'SUBMITTED'],
      [2, 'VERIFYING'],
      [3, 'AWAITING_REVIEW'],
    ]);
  });

  it('fills in from the registry and shows where the family’s statement disagreed', async () => {
    const owner = registryFamilies.find(
      (f) => f.archetype === 'SOLE_OWNER_AT_HUKOU' && f.countyCode === '450103',
    )!;
    const truthful = formForFamily(owner);
    const body = {
      ...truthful,
      child: { ...(truthful.child as object), hukouAddress: '南宁市青秀区某路1号' },
    };
    const applicationNo = await submitAndWait(body);
    const mine = await request(sut.apiUrl).get(`/applications/${applicationNo}`).set(family);
    expect(mine.body.registryCorrections).toEqual([
      {
        field: 'child.hukouAddress',
        stated: '南宁市青秀区某路1号',
        registry: owner.households[0]!.address,
        agrees: false,
      },
    ]);
    expect(
      mine.body.verification.find((v: { check: string }) => v.check === 'HOUSEHOLD'),
    ).toMatchObject({ outcome: 'MISMATCH', confirmed: false });
    expect(mine.body.priority.schools[0].tier).toBe(1);
  });

  it('waits while a department is down, visibly retrying, then proceeds with one result per check', async () => {
    // Down until the test has seen the retries, however long that takes on this machine.
    sut.simulator.faults.set('identity', {
      outageUntil: new Date(Date.now() + scaled(120_000)).toISOString(),
    });
    const form = formForFamily(registryFamilies[42]!);
    const created = await request(sut.apiUrl)
      .post('/applications')
      .set({ Authorization: await sut.auth.parent('family-verification', form) })
      .send(form);
    const applicationNo = created.body.applicationNo as string;
    const row = await sut.database.db.application.findUniqueOrThrow({ where: { applicationNo } });
    const retrying = await eventually(async () => {
      const description = await sut.temporal.workflow.getHandle(row.workflowId).describe();
      // Failure messages reach the server encrypted: read them through the service's codec.
      await decodeWithin(description.raw, [payloadCodecOf(sut.config)]);
      const pending = description.raw.pendingActivities?.find(
        (a) => a.activityType?.name === 'verifyIdentity',
      );
      return pending && (pending.attempt ?? 0) >= 2 ? pending : undefined;
    }, 'the identity check to be retrying');
    expect(retrying.lastFailure?.message).toMatch(/unavailable|503/i);
    expect(
      (await sut.database.db.application.findUniqueOrThrow({ where: { applicationNo } })).status,
    ).toBe('VERIFYING');
    sut.simulator.faults.clear('identity');

    await eventually(
      async () => {
        const r = await sut.database.db.application.findUnique({ where: { applicationNo } });
        return r?.status === 'AWAITING_REVIEW' ? r : undefined;
      },
      'the case to proceed once the department is back',
      60_000,
    );
    const stored = await sut.database.db.verificationResult.findMany({ where: { applicationNo } });
    expect(stored.map((r) => r.check).sort()).toEqual(
      [...new Set(stored.map((r) => r.check))].sort(),
    );
    expect(stored.find((r) => r.check === 'IDENTITY')?.outcome).toBe('MATCH');
  });

  it('marks every check UNAVAILABLE and sends the case to offline checking when all departments stay down past the budget', async () => {
    const budget = await startHarness({
      workflowBundle: await bundleWorkflows(),
      env: { VERIFICATION_RETRY_BUDGET_MS: '3000' },
    });
    try {
      const outage = { outageUntil: new Date(Date.now() + scaled(120_000)).toISOString() };
      for (const endpoint of [
        'identity',
        'household',
        'real-estate',
        'residence-permit',
        'social-insurance',
        'household-relation',
        'birth-certificate',
      ])
        budget.simulator.faults.set(endpoint, outage);
      const headers = {
        Authorization: await budget.auth.parent(
          'family-budget',
          formForFamily(FIXTURE_FAMILIES.huangSiqi),
        ),
      };
      const created = await request(budget.apiUrl)
        .post('/applications')
        .set(headers)
        .send(formForFamily(FIXTURE_FAMILIES.huangSiqi));
      const view = await eventually(
        async () => {
          const r = await request(budget.apiUrl)
            .get(`/applications/${created.body.applicationNo}`)
            .set(headers);
          return r.body.status === 'AWAITING_OFFLINE_CHECK' ? r.body : undefined;
        },
        'the case to go to offline checking',
        60_000,
      );
      // The relation unconfirmed, the family reads only what to bring; the reviewer sees it all.
      expect(view).toMatchObject({ guardianship: { confirmed: false }, verification: [] });
      const official = (
        await request(budget.apiUrl)
          .get(`/applications/${created.body.applicationNo}`)
          .set({ Authorization: await budget.auth.reviewer(['450103']) })
      ).body;
      expect(
        official.verification
          .map((v: { check: string; outcome: string }) => `${v.check}:${v.outcome}`)
          .sort(),
      ).toEqual([
        'HOUSEHOLD:UNAVAILABLE',
        'IDENTITY:UNAVAILABLE',
        'PROPERTY:UNAVAILABLE',
        'RELATION:UNAVAILABLE',
        'RESIDENCE_PERMIT:UNAVAILABLE',
        'SOCIAL_INSURANCE:UNAVAILABLE',
      ]);
      expect(view.timeline.at(-1).reason).toMatch(/IDENTITY.*HOUSEHOLD/);
      expect(official.assessment).toMatchObject({
        eligible: false,
        notes: [expect.objectContaining({ code: 'IDENTITY_NOT_CONFIRMED' })],
      });
    } finally {
      await budget.close();
    }
  });
});
