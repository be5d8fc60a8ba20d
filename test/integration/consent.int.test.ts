import request from 'supertest';
import { CURRENT_CONSENT_VERSION } from '../../src/domain/consent';
import { CONSENT_WITHDRAWN_REASON } from '../../src/domain/timeline-reasons';
import { formFor, offlineFormFor, scannedPdf } from '../../src/testing/forms';
import { eventually } from '../support/eventually';
import { bundleWorkflows, registryPeople, startHarness, type Harness } from '../support/harness';

describe('consent: a record per case, shown to the family, withdrawn, and signed on paper offline', () => {
  let sut: Harness;
  let nextPerson = 300;
  const person = () => registryPeople[nextPerson++]!;

  beforeAll(async () => {
    sut = await startHarness({ workflowBundle: await bundleWorkflows() });
  });
  afterAll(() => sut?.close());

  const as = async (token: Promise<string>) => ({ Authorization: await token });
  const api = () => request(sut.apiUrl);

  it('publishes the consent texts, bilingual and versioned', async () => {
    const family = await as(sut.auth.parent('family-texts'));
    const texts = await api().get('/consent-texts').set(family);
    expect(texts.status).toBe(200);
    const current = texts.body.find((t: { current: boolean }) => t.current);
    expect(current.version).toBe(CURRENT_CONSENT_VERSION);
    expect(current.purposes.map((p: { formField: string }) => p.formField)).toEqual([
      'dataVerification',
      'guardianConsentForChild',
    ]);
    for (const p of current.purposes) {
      expect(p.text.zh).toMatch(/同意/);
      expect(p.text.en).toMatch(/agree/);
    }
  });

  it("records the family's online consent and shows it in the family's case view", async () => {
    const family = await as(sut.auth.parent('family-consent'));
    const form = formFor(person(), {
      channel: 'ONLINE_MOBILE',
      consent: {
        dataVerification: true,
        guardianConsentForChild: true,
        textVersion: CURRENT_CONSENT_VERSION,
      },
    });
    const created = await api()
      .post('/applications')
      .set(await as(sut.auth.parent('family-consent', form)))
      .send(form);
    expect(created.status).toBe(201);
    const view = await api().get(`/applications/${created.body.applicationNo}`).set(family);
    expect(view.body.consent).toMatchObject({
      textVersion: CURRENT_CONSENT_VERSION,
      channel: 'ONLINE_MOBILE',
      actor: 'parent:family-consent',
      signedOnPaper: false,
      paperFormSha256: null,
      withdrawnAt: null,
    });
    expect(view.body.consent.purposes).toEqual([
      {
        purpose: 'DATA_SHARING_VERIFICATION',
        text: expect.objectContaining({ zh: expect.any(String) }),
      },
      {
        purpose: 'CHILD_SENSITIVE_DATA',
        text: expect.objectContaining({ en: expect.any(String) }),
      },
    ]);
    expect(Date.parse(view.body.consent.givenAt)).not.toBeNaN();
  });

  it('withdraws the case when the family withdraws consent before a decision; the timeline says why', async () => {
    const family = await as(sut.auth.parent('family-withdraws-consent'));
    const stranger = await as(sut.auth.parent('family-stranger'));
    const form = formFor(person());
    const created = await api()
      .post('/applications')
      .set(await as(sut.auth.parent('family-withdraws-consent', form)))
      .send(form);
    const no = created.body.applicationNo as string;

    const refused = await api().post(`/applications/${no}/consent/withdraw`).set(stranger);
    expect(refused.status).toBe(404);
    const withdrawn = await api().post(`/applications/${no}/consent/withdraw`).set(family);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('WITHDRAWN');

    const view = await eventually(async () => {
      const r = await api().get(`/applications/${no}`).set(family);
      return r.body.status === 'WITHDRAWN' ? r.body : undefined;
    }, `${no} withdrawn`);
    expect(view.timeline.at(-1)).toMatchObject({
      to: 'WITHDRAWN',
      actor: 'parent:family-withdraws-consent',
      reason: CONSENT_WITHDRAWN_REASON,
    });
    expect(view.consent.withdrawnAt).not.toBeNull();
    const audit = await sut.database.db.auditLog.findMany({ where: { applicationNo: no } });
    expect(audit).toEqual([
      expect.objectContaining({ action: 'WITHDRAW_CONSENT', afterStatus: 'WITHDRAWN' }),
    ]);

    const again = await api().post(`/applications/${no}/consent/withdraw`).set(family);
    expect(again.status).toBe(409);
  });

  it('records the paper consent staff upload for an offline entry, attached to the case', async () => {
    const staff = await as(sut.auth.staff('450103-RP01', ['450103']));
    const otherPoint = await as(sut.auth.staff('450103-RP02', ['450103'], 'staff-2'));
    const family = await as(sut.auth.parent('family-paper'));

    const notAPdf = await api()
      .post('/registration/consent-forms')
      .set(staff)
      .attach('file', Buffer.from('MZ not a scan'), 'signed.pdf');
    expect(notAPdf.body.violations).toEqual([
      expect.objectContaining({ path: 'file', code: 'ATTACHMENT_TYPE' }),
    ]);
    const byFamily = await api()
      .post('/registration/consent-forms')
      .set(family)
      .attach('file', scannedPdf('family'), 'signed.pdf');
    expect(byFamily.status).toBe(403);

    const paper = await api()
      .post('/registration/consent-forms')
      .set(staff)
      .attach('file', scannedPdf('consent-test'), 'signed.pdf');
    expect(paper.status).toBe(201);
    const sha = paper.body.sha256 as string;

    const unknownHere = await api()
      .post('/applications')
      .set(otherPoint)
      .send(offlineFormFor(person(), sha));
    expect(unknownHere.body.violations).toEqual([
      expect.objectContaining({
        path: 'consent.paperForm.documentSha256',
        code: 'CONSENT_FORM_UNKNOWN',
      }),
    ]);
    const withoutPaper = await api()
      .post('/applications')
      .set(staff)
      .send(formFor(person(), { channel: 'OFFLINE' }));
    expect(withoutPaper.body.violations).toEqual([
      expect.objectContaining({ path: 'consent.paperForm', code: 'PAPER_CONSENT_REQUIRED' }),
    ]);

    const created = await api()
      .post('/applications')
      .set(staff)
      .send(offlineFormFor(person(), sha));
    expect(created.status).toBe(201);
    const no = created.body.applicationNo as string;
    const record = await sut.database.db.consentRecord.findUniqueOrThrow({
      where: { applicationNo: no },
    });
    expect(record).toMatchObject({
      channel: 'OFFLINE',
      actor: 'staff:staff-1',
      paperFormSha256: sha,
      textVersion: CURRENT_CONSENT_VERSION,
      purposes: ['DATA_SHARING_VERIFICATION', 'CHILD_SENSITIVE_DATA'],
      withdrawnAt: null,
    });
    const attachments = await sut.database.db.attachment.findMany({ where: { applicationNo: no } });
    expect(attachments).toEqual([
      expect.objectContaining({
        sha256: sha,
        fileName: 'paper-consent',
        uploadedBy: 'staff:staff-1',
      }),
    ]);
    const view = await api().get(`/applications/${no}`).set(staff);
    expect(view.body.consent).toMatchObject({ signedOnPaper: true, paperFormSha256: sha });
  });
});
