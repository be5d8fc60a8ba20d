import {
  CONSENT_PURPOSES,
  CONSENT_TEXTS,
  CONSENT_VERSIONS,
  consentText,
  CURRENT_CONSENT_VERSION,
  purposesConsented,
} from './consent';
import { ENROLMENT_STATUSES } from './enrolment';
import { guidanceFor } from './family-guidance';

describe('consent texts', () => {
  it('are versions in publication order, the newest current, each purpose in both languages', () => {
    expect(CONSENT_VERSIONS).toEqual(CONSENT_TEXTS.map((t) => t.version));
    expect(CURRENT_CONSENT_VERSION).toBe(CONSENT_TEXTS[CONSENT_TEXTS.length - 1]!.version);
    expect(CURRENT_CONSENT_VERSION).toBe('2026-01');
    for (const text of CONSENT_TEXTS) {
      expect(text.version).toMatch(/^\d{4}-\d{2}$/);
      expect(text.publishedOn.startsWith(text.version)).toBe(true);
      expect(Object.keys(text.texts).sort()).toEqual(Object.keys(CONSENT_PURPOSES).sort());
      for (const { zh, en } of Object.values(text.texts)) {
        expect(zh).toMatch(/[\u4e00-\u9fff]{20}/);
        expect(en).toMatch(/^I agree|^As the child's guardian, I agree/);
      }
    }
  });

  it('say what each purpose covers', () => {
    const { texts } = consentText('2026-01')!;
    expect(texts.DATA_SHARING_VERIFICATION.zh).toContain('核验');
    expect(texts.DATA_SHARING_VERIFICATION.en).toContain('verifies');
    expect(texts.CHILD_SENSITIVE_DATA.zh).toContain('敏感个人信息');
    expect(texts.CHILD_SENSITIVE_DATA.en).toContain('sensitive personal information');
    expect(consentText('2025-01')).toBeUndefined();
  });

  it('counts a purpose agreed only when its form field is true', () => {
    expect(purposesConsented({ dataVerification: true, guardianConsentForChild: true })).toEqual([
      'DATA_SHARING_VERIFICATION',
      'CHILD_SENSITIVE_DATA',
    ]);
    expect(purposesConsented({ guardianConsentForChild: true, dataVerification: 'yes' })).toEqual([
      'CHILD_SENSITIVE_DATA',
    ]);
    expect(purposesConsented({})).toEqual([]);
  });
});

describe('what a family reads about its case', () => {
  it('says, in both languages, for every status, and asks for action only where the family must act', () => {
    const acting = ENROLMENT_STATUSES.filter((status) => guidanceFor(status).actionRequired);
    expect(acting).toEqual(['NEEDS_SUPPLEMENT', 'AWAITING_OFFLINE_CHECK', 'NOT_ADMITTED']);
    for (const status of ENROLMENT_STATUSES) {
      const { zh, en } = guidanceFor(status);
      expect(zh).toMatch(/[\u4e00-\u9fff]{4}/);
      expect(en.length).toBeGreaterThan(20);
    }
    const texts = ENROLMENT_STATUSES.map((status) => guidanceFor(status).en);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('points to the right place for the steps a family takes', () => {
    expect(guidanceFor('NEEDS_SUPPLEMENT').zh).toContain('补充材料');
    expect(guidanceFor('AWAITING_OFFLINE_CHECK').en).toContain('registration point');
    expect(guidanceFor('NOT_ADMITTED').en).toContain('appeal');
    expect(guidanceFor('ADMITTED').zh).toContain('已录取');
  });
});
