import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import request from 'supertest';
import { signFamilyToken } from '../../src/auth/jwt';
import { familyTokenSettings } from '../../src/config/config';
import {
  childKey,
  enrolmentWorkflowId,
  guardianKeyOf,
} from '../../src/domain/application-identity';
import { IntakeRepository } from '../../src/db/intake-repository';
import {
  formFor,
  formForFamily,
  guardianFor,
  offlineFormFor,
  scannedPdf,
} from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import { CONTESTED_REASON } from '../../src/domain/timeline-reasons';
import {
  bundleWorkflows,
  registryFamilies,
  registryPeople,
  startHarness,
  TEST_LIVE_CASES_PER_ACCOUNT,
  type Harness,
} from '../support/harness';

/** Issue 13: only a child's guardian applies, one account holds few cases, a duplicate tells nothing. */
describe('guardianship: who may apply for a child, and what a conflict reveals', () => {
  let sut: Harness;
  let nextPerson = 300;
  const person = () => registryPeople[nextPerson++]!;
  const STRANGER = guardianFor(77);

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
  });
  afterAll(() => sut?.close());

  const as = async (token: Promise<string>) => ({ Authorization: await token });
  const api = () => request(sut.apiUrl);
  const db = () => sut.database.db;

  /** Everything a submission could have stored: rows, number claims, keys and the workflow. */
  async function storedFor(childId: string) {
    const key = childKey(sut.config.CHILD_KEY_SECRET, childId);
    const workflowId = enrolmentWorkflowId(2026, 'PRIMARY_1', key);
    const runs = [];
    for await (const run of sut.temporal.workflow.list({ query: `WorkflowId = "${workflowId}"` }))
      runs.push(run);
    return {
      applications: await db().application.count({ where: { childKey: key } }),
      claims: await db().applicationNumberClaim.count({ where: { workflowId } }),
      counter: (
        await db().applicationNumberCounter.findUnique({
          where: { seasonYear_countyCode: { seasonYear: 2026, countyCode: '450103' } },
        })
      )?.lastValue,
      idempotencyKeys: await db().idempotencyRecord.count(),
      runs: runs.length,
    };
  }

  it("refuses a stranger's child with 403 before anything is stored", async () => {
    const child = person();
    const before = await storedFor(child.idNumber);
    const attempts = [
      // An account whose real-name person is not among the form's guardians.
      api()
        .post('/applications')
        .set(await as(sut.auth.parent('family-stranger', STRANGER.idNumber)))
        .set('Idempotency-Key', randomUUID())
        .send(formFor(child)),
      // An account the platform has not real-name verified at all.
      api()
        .post('/applications')
        .set(await as(sut.auth.unverifiedParent('family-unverified')))
        .send(formFor(child)),
      // The platform vouching for a family whose person is not a guardian on the form.
      api()
        .post('/applications')
        .set(await as(sut.auth.platform()))
        .set('X-Family-Token', await sut.auth.family('guitongban-stranger', STRANGER.idNumber))
        .send(formFor(child)),
    ];
    for (const refused of await Promise.all(attempts)) {
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        code: 'NOT_THE_GUARDIAN',
        detail: expect.stringContaining('guardian'),
        detail_zh: expect.stringContaining('监护人'),
      });
    }
    expect(await storedFor(child.idNumber)).toEqual(before);
    expect(before).toMatchObject({ applications: 0, claims: 0, runs: 0 });
  });

  it('keys the guardian with the key shared with the platform, never the child key (issue 12)', async () => {
    const child = person();
    const form = formFor(child);
    const guardianId = form.guardians[0]!.idNumber;
    // The workbench's development sign-in keys the guardian as the platform does.
    const signedIn = await api()
      .post('/auth/dev-token')
      .send({ role: 'PARENT', sub: 'family-dev-sign-in', guardianIdNumber: guardianId });
    expect(signedIn.status).toBe(201);
    const token = signedIn.body.token as string;
    expect(decodeJwt(token).guardian).toBe(
      guardianKeyOf(sut.config.GUARDIAN_KEY_SECRET, guardianId),
    );
    // What a platform holding the child key would send: not the guardian.
    const childKeyed = await signFamilyToken(
      {
        sub: 'guitongban-child-keyed',
        guardianKey: childKey(sut.config.CHILD_KEY_SECRET, guardianId),
      },
      familyTokenSettings(sut.config),
    );
    const refused = await api()
      .post('/applications')
      .set(await as(sut.auth.platform()))
      .set('X-Family-Token', childKeyed)
      .send(form);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'NOT_THE_GUARDIAN' });
    const accepted = await api()
      .post('/applications')
      .set({ Authorization: `Bearer ${token}` })
      .send(form);
    expect(accepted.status).toBe(201);
  });

  it('lets staff enter an offline form for any guardian: they have seen the household booklet', async () => {
    const staff = await as(sut.auth.staff('450103-RP01', ['450103']));
    const paper = await api()
      .post('/registration/consent-forms')
      .set(staff)
      .attach('file', scannedPdf('guardianship'), 'signed.pdf');
    const offline = await api()
      .post('/applications')
      .set(staff)
      .send(offlineFormFor(person(), paper.body.sha256, { guardians: [STRANGER] }));
    expect(offline.status).toBe(201);
  });

  it('tells a duplicate from another account neither the number nor the county, only the way out', async () => {
    const child = person();
    // Someone names themselves a guardian of a child that is not theirs, and files first.
    const squatter = await api()
      .post('/applications')
      .set(await as(sut.auth.parent('family-squatter', STRANGER.idNumber)))
      .send(formFor(child, { guardians: [STRANGER] }));
    expect(squatter.status).toBe(201);
    const squatted = squatter.body.applicationNo as string;

    const family = await as(sut.auth.parent('family-real', formFor(child)));
    const conflict = await api().post('/applications').set(family).send(formFor(child));
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({
      code: 'DUPLICATE_APPLICATION',
      contestAt: '/registration-points',
      detail: expect.stringContaining('registration point'),
      detail_zh: expect.stringContaining('报名点'),
    });
    expect(conflict.body).not.toHaveProperty('existingApplicationNo');
    const text = JSON.stringify(conflict.body);
    for (const secret of [squatted, squatted.split('-')[2]!, '450103', 'family-squatter'])
      expect(text).not.toContain(secret);

    // The account that filed it still hears its own number, as before.
    const again = await api()
      .post('/applications')
      .set(await as(sut.auth.parent('family-squatter', STRANGER.idNumber)))
      .send(formFor(child, { guardians: [STRANGER] }));
    expect(again.status).toBe(409);
    expect(again.body.existingApplicationNo).toBe(squatted);
  });

  it('caps the live cases of one account (policy data, 3 by default) with a bilingual 409', async () => {
    const intake = new IntakeRepository(db());
    await db().intakePolicy.deleteMany();
    try {
      const submit = async (form: Record<string, unknown>) =>
        api()
          .post('/applications')
          .set(await as(sut.auth.parent('family-capped', form)))
          .send(form);
      const family = await as(sut.auth.parent('family-capped'));
      const numbers: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const created = await submit(formFor(person()));
        expect(created.status).toBe(201);
        numbers.push(created.body.applicationNo as string);
      }
      const child = person();
      const fourth = await submit(formFor(child));
      expect(fourth.status).toBe(409);
      expect(fourth.body).toMatchObject({
        code: 'LIVE_CASE_LIMIT',
        limit: 3,
        detail: expect.stringContaining('3 live applications'),
        detail_zh: expect.stringContaining('上限'),
      });
      expect((await storedFor(child.idNumber)).applications).toBe(0);

      // A case that ends makes room again.
      await eventually(async () => {
        const r = await api().post(`/applications/${numbers[0]}/withdraw`).set(family).send({});
        return r.status === 200 ? true : undefined;
      }, 'the first case to be withdrawn');
      const after = await submit(formFor(child));
      expect(after.status).toBe(201);
    } finally {
      await intake.setLiveCasesPerAccount(TEST_LIVE_CASES_PER_ACCOUNT);
    }
  });

  it('holds the cap when one account submits for several children at the same moment', async () => {
    const intake = new IntakeRepository(db());
    await db().intakePolicy.deleteMany();
    try {
      const forms = Array.from({ length: 6 }, () => formFor(person()));
      const answers = await Promise.all(
        forms.map(async (form) =>
          api()
            .post('/applications')
            .set(await as(sut.auth.parent('family-burst', form)))
            .send(form),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([201, 201, 201, 409, 409, 409]);
      for (const refused of answers.filter((a) => a.status === 409))
        expect(refused.body.code).toBe('LIVE_CASE_LIMIT');
      expect(await db().application.count({ where: { ownerSub: 'family-burst' } })).toBe(3);
      // Every slot went back once its case's row counted it or its submission was refused.
      expect(await db().liveCaseReservation.count({ where: { ownerSub: 'family-burst' } })).toBe(0);
    } finally {
      await intake.setLiveCasesPerAccount(TEST_LIVE_CASES_PER_ACCOUNT);
    }
  });

  /** A child of the county's registry that no other test here takes, and its family. */
  let nextFamily = 450;
  const familyOfCounty = () => {
    let family = registryFamilies[nextFamily++]!;
    while (family.countyCode !== '450103' || family.households[0]!.divisionCode !== '450103')
      family = registryFamilies[nextFamily++]!;
    return family;
  };
  const statusOf = (applicationNo: string, headers: Record<string, string>, wanted: string) =>
    eventually(async () => {
      const r = await api().get(`/applications/${applicationNo}`).set(headers);
      return r.body.status === wanted ? r.body : undefined;
    }, `${applicationNo} to reach ${wanted}`);

  it('shows a squatter nothing the registries hold and sends the case to a registration point', async () => {
    const family = familyOfCounty();
    const squatter = await as(sut.auth.parent('family-nosy', STRANGER.idNumber));
    const filed = await api()
      .post('/applications')
      .set(squatter)
      .send(formForFamily(family, { guardians: [STRANGER] }));
    expect(filed.status).toBe(201);
    const view = await statusOf(filed.body.applicationNo, squatter, 'AWAITING_OFFLINE_CHECK');
    expect(view).toMatchObject({
      guardianship: { confirmed: false },
      verification: [],
      priority: null,
      registryCorrections: [],
    });
    const text = JSON.stringify(view);
    const household = family.households[0]!;
    for (const secret of [
      household.address,
      household.householdNo,
      // Everyone the registry lists but the child, whose name the squatter typed in.
      ...household.members.filter((m) => m.idNumber !== family.child.idNumber).map((m) => m.name),
      ...family.guardians.map((g) => g.idNumber),
      ...family.properties.map((p) => p.registrationDate),
      'MISMATCH',
      'NOT_FOUND',
    ])
      expect(text).not.toContain(secret);
    // Reviewers keep the full evidence.
    const official = await api()
      .get(`/applications/${filed.body.applicationNo}`)
      .set(await as(sut.auth.reviewer(['450103'])));
    expect(JSON.stringify(official.body)).toContain(household.address);
  });

  it('lets the family contest a squatted case at a registration point, where staff cancel it', async () => {
    const family = familyOfCounty();
    const squatter = await as(sut.auth.parent('family-squatter-2', STRANGER.idNumber));
    const squatted = (
      await api()
        .post('/applications')
        .set(squatter)
        .send(formForFamily(family, { guardians: [STRANGER] }))
    ).body.applicationNo as string;
    await statusOf(squatted, squatter, 'AWAITING_OFFLINE_CHECK');

    const form = formForFamily(family);
    const real = await as(sut.auth.parent('family-contesting', form));
    expect((await api().post('/applications').set(real).send(form)).status).toBe(409);

    const lookup = { seasonYear: 2026, stage: 'PRIMARY_1', childIdNumber: family.child.idNumber };
    const staff = await as(sut.auth.staff('450103-RP01', ['450103'], 'staff-contest'));
    const conflict = await api().post('/registration-points/conflicts').set(staff).send(lookup);
    expect(conflict.status).toBe(200);
    expect(conflict.body).toMatchObject({
      applicationNo: squatted,
      filedOnline: true,
      relation: { outcome: expect.stringMatching(/MISMATCH|NOT_FOUND/) },
    });
    expect(JSON.stringify(conflict.body)).not.toContain(STRANGER.idNumber);

    // Nobody else sees it: staff of another county, a family, or a malformed request.
    const elsewhere = await as(sut.auth.staff('450703-RP01', ['450703'], 'staff-qinbei'));
    expect(
      (await api().post('/registration-points/conflicts').set(elsewhere).send(lookup)).status,
    ).toBe(404);
    expect((await api().post('/registration-points/conflicts').set(real).send(lookup)).status).toBe(
      403,
    );
    const unchecked = await api()
      .post(`/registration-points/conflicts/${squatted}/cancel`)
      .set(staff)
      .send({ reason: 'no booklet seen' });
    expect(unchecked.status).toBe(400);
    expect(
      (
        await api()
          .post(`/registration-points/conflicts/${squatted}/cancel`)
          .set(elsewhere)
          .send({ householdBookletChecked: true, reason: 'x' })
      ).status,
    ).toBe(404);

    const cancelled = await api()
      .post(`/registration-points/conflicts/${squatted}/cancel`)
      .set(staff)
      .send({ householdBookletChecked: true, reason: '户口簿只登记父母,申请人不在其中' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ applicationNo: squatted, status: 'CANCELLED' });

    // Audited, with what staff saw; the squatter is told through the case, nothing more.
    const audit = await db().auditLog.findMany({
      where: { applicationNo: squatted },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['CONTEST_VIEW', 'CONTEST_CANCEL']),
    );
    expect(audit.find((a) => a.action === 'CONTEST_CANCEL')).toMatchObject({
      actor: 'staff:staff-contest',
      reason: '户口簿只登记父母,申请人不在其中',
      afterStatus: 'CANCELLED',
    });
    const told = await statusOf(squatted, squatter, 'CANCELLED');
    expect(told.timeline.at(-1).reason).toBe(CONTESTED_REASON);
    await eventually(
      () =>
        sut.simulator.callbacks.some(
          (c) => c.body.applicationNo === squatted && c.body.status === 'CANCELLED',
        )
          ? true
          : undefined,
      'the platform to be told of the cancellation',
    );

    // The family's own application now goes through.
    expect((await api().post('/applications').set(real).send(form)).status).toBe(201);
  });
});
