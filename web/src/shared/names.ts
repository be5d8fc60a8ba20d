import { HOUSING_TYPES } from '../../../src/domain/forms/application-form';
import type { CheckOutcome, FormType } from '../../../src/domain/enrolment';
import { housingAllowed } from '../../../src/domain/public-info/materials';

/* What the pages call the API's codes, Chinese first: one home for every page's choices. */

export const STAGES = [
  { value: 'PRIMARY_1', zh: '幼升小', en: 'Primary grade 1' },
  { value: 'JUNIOR_1', zh: '小升初', en: 'Junior grade 7' },
];

export const FORMS = [
  { value: 'A', zh: 'A 表(户籍类)', en: 'Form A (local hukou)' },
  { value: 'B', zh: 'B 表(随迁子女)', en: 'Form B (non-local)' },
];

export const HOUSING_NAMES: Record<(typeof HOUSING_TYPES)[number], { zh: string; en: string }> = {
  OWNED_SOLE: { zh: '自有住房(独有)', en: 'Own home (sole)' },
  OWNED_SHARED: { zh: '自有住房(共有)', en: 'Own home (shared)' },
  GRANDPARENT_OWNED: { zh: '祖辈住房', en: "Grandparents' home" },
  PURCHASE_CONTRACT: { zh: '购房合同', en: 'Purchase contract' },
  REGISTERED_RENTAL: { zh: '备案租房', en: 'Registered rental' },
  NONE: { zh: '无', en: 'None' },
};

/** The housing a form accepts, by the rule the materials checklist applies. */
export function housingFor(formType: FormType): readonly (typeof HOUSING_TYPES)[number][] {
  return HOUSING_TYPES.filter((housing) => housingAllowed(formType, housing));
}

/** A department check's outcome, and the colour of its tag (the text keeps AA contrast). */
export const OUTCOME_NAMES: Record<CheckOutcome, { zh: string; en: string; color: string }> = {
  MATCH: { zh: '一致', en: 'Match', color: 'green' },
  MISMATCH: { zh: '不一致', en: 'Mismatch', color: 'red' },
  NOT_FOUND: { zh: '未查到', en: 'Not found', color: 'orange' },
  UNAVAILABLE: { zh: '接口不可用', en: 'Unavailable', color: 'default' },
};
