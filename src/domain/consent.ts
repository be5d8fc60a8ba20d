/**
 * Consent (PIPL Art. 14, 31): what a guardian agrees to when applying, as versioned bilingual
 * texts. A published version is never edited: a changed text is a new version, so every case's
 * record says exactly which words the guardian agreed to.
 */

/** What a guardian consents to; one form field per purpose. */
export const CONSENT_PURPOSES = {
  /** The departments' data is queried to verify the form (data sharing for verification). */
  DATA_SHARING_VERIFICATION: 'dataVerification',
  /** The child's sensitive personal information is processed (PIPL Art. 31, under 14). */
  CHILD_SENSITIVE_DATA: 'guardianConsentForChild',
} as const;
export type ConsentPurpose = keyof typeof CONSENT_PURPOSES;

interface BilingualText {
  readonly zh: string;
  readonly en: string;
}

export interface ConsentText {
  readonly version: string;
  readonly publishedOn: string;
  readonly texts: Readonly<Record<ConsentPurpose, BilingualText>>;
}

export const CONSENT_TEXTS = [
  {
    version: '2026-01',
    publishedOn: '2026-01-01',
    texts: {
      DATA_SHARING_VERIFICATION: {
        zh: '本人同意教育部门通过广西数据共享交换平台,向公安、自然资源、人力资源社会保障等部门核验本申请所填身份、户籍、居住证、不动产登记和社保信息,核验结果仅用于本次义务教育入学报名。',
        en: 'I agree that the education bureau verifies the identity, household registration, residence permit, property and social-insurance data in this application with the public security, natural resources and human resources departments through the Guangxi data-sharing exchange, for this enrolment only.',
      },
      CHILD_SENSITIVE_DATA: {
        zh: '本人作为监护人,同意为办理入学报名处理儿童的身份证件号码、姓名、住址等敏感个人信息;招生季结束后按保存期限匿名化处理。',
        en: "As the child's guardian, I agree to the processing of the child's ID number, name, address and other sensitive personal information for this enrolment; it is anonymised when the retention period after the season ends.",
      },
    },
  },
] as const satisfies readonly ConsentText[];

export const CONSENT_VERSIONS = CONSENT_TEXTS.map((t) => t.version) as [string, ...string[]];

/** The text shown to families now; a form without a version was given this one. */
export const CURRENT_CONSENT_VERSION = CONSENT_TEXTS.at(-1)!.version;

export function consentText(version: string): ConsentText | undefined {
  return CONSENT_TEXTS.find((t) => t.version === version);
}

/** The purposes a form's consent section agrees to, in a stable order. */
export function purposesConsented(consent: Readonly<Record<string, unknown>>): ConsentPurpose[] {
  return (Object.keys(CONSENT_PURPOSES) as ConsentPurpose[]).filter(
    (purpose) => consent[CONSENT_PURPOSES[purpose]] === true,
  );
}
