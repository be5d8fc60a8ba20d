import type { FormType, Stage } from '../enrolment';
import { FORM_B_HOUSING, HOUSING_TYPES, type ApplicationForm } from '../forms/application-form';
import { CHECK_REGISTRY } from '../verification/checks';

/**
 * What a family prepares before applying (一次告知: told everything once, up front), per stage,
 * form type and housing type. The documents the service verifies with the departments come from
 * the check registry, so the list follows the checks; the rest follows the form's rules.
 */
export type HousingType = (typeof HOUSING_TYPES)[number];

export interface MaterialItem {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** Checked online with the department: no copy to upload unless a reviewer asks for one. */
  readonly verifiedOnline: boolean;
  /** Only in some cases (policy care, an offline entry): the condition, in words. */
  readonly onlyIfZh?: string;
  readonly onlyIfEn?: string;
}

/** The document each kind of housing claim rests on. */
const HOUSING_DOCUMENT: Readonly<Record<Exclude<HousingType, 'NONE'>, [string, string]>> = {
  OWNED_SOLE: ['不动产权证书(独有产权)', 'the property certificate (sole ownership)'],
  OWNED_SHARED: [
    '不动产权证书(共有产权,含共有人信息)',
    'the property certificate (shared ownership, with the co-owners)',
  ],
  GRANDPARENT_OWNED: [
    '祖辈的不动产权证书,及显示三代同户的户口簿',
    "the grandparent's property certificate and the hukou booklet showing three generations",
  ],
  PURCHASE_CONTRACT: ['已网签备案的商品房买卖合同', 'the registered purchase contract of the home'],
  REGISTERED_RENTAL: [
    '房屋租赁登记备案证明',
    'the registration certificate of the rental contract',
  ],
};

/** Whether a form type accepts a housing type (Form B: the residence proofs of its rules). */
export function housingAllowed(formType: FormType, housingType: HousingType): boolean {
  return formType === 'A' || FORM_B_HOUSING.includes(housingType);
}

/**
 * The checklist of a stage, form type and housing type; undefined when the form does not accept
 * that housing (the caller says why, with the form's own rule).
 */
export function materialsChecklist(
  stage: Stage,
  formType: FormType,
  housingType: HousingType,
): MaterialItem[] | undefined {
  if (!housingAllowed(formType, housingType)) return undefined;
  // Only the sections that decide which checks apply: appliesTo reads the form type and housing.
  const shape = {
    formType,
    housing:
      housingType === 'NONE' ? { type: 'NONE' } : { type: housingType, certificateNo: 'checklist' },
  } as unknown as ApplicationForm;
  const verified: MaterialItem[] = CHECK_REGISTRY.filter((d) => d.appliesTo(shape)).map((d) => ({
    code: d.check,
    nameZh: d.family.document.zh,
    nameEn: d.family.document.en,
    verifiedOnline: true,
  }));
  const items: MaterialItem[] = [
    {
      code: 'GUARDIAN_ID',
      nameZh: '监护人居民身份证',
      nameEn: "the guardian's resident ID card",
      verifiedOnline: true,
    },
    ...verified.filter((item) => item.code !== 'PROPERTY'),
  ];
  if (housingType !== 'NONE') {
    const [nameZh, nameEn] = HOUSING_DOCUMENT[housingType];
    items.push({ code: `HOUSING_${housingType}`, nameZh, nameEn, verifiedOnline: true });
  }
  if (formType === 'B')
    items.push({
      code: 'BUSINESS_LICENCE',
      nameZh: '营业执照',
      nameEn: 'the business licence',
      verifiedOnline: false,
      onlyIfZh: '监护人为个体经营者时',
      onlyIfEn: 'when a guardian is self-employed',
    });
  if (stage === 'JUNIOR_1')
    items.push({
      code: 'CURRENT_PRIMARY_SCHOOL',
      nameZh: '就读小学名称(学籍所在学校)',
      nameEn: 'the name of the primary school the child attends (school-roll record)',
      verifiedOnline: false,
    });
  items.push(
    {
      code: 'POLICY_CARE_PROOF',
      nameZh: '政策性照顾证明材料(如军人、烈士、消防救援人员子女等)',
      nameEn: 'proof of policy care (children of service members, martyrs, firefighters…)',
      verifiedOnline: false,
      onlyIfZh: '申请政策性照顾时',
      onlyIfEn: 'when claiming policy care',
    },
    {
      code: 'PAPER_CONSENT',
      nameZh: '现场签署的知情同意书',
      nameEn: 'the consent form, signed at the registration point',
      verifiedOnline: false,
      onlyIfZh: '到线下报名点报名时',
      onlyIfEn: 'when applying at a registration point',
    },
  );
  return items;
}
