import { z } from 'zod';
import type { ApplicationForm } from '../forms/application-form';
import { POLICY_CARE_CATEGORIES } from '../forms/application-form';
import { isoDate, text } from '../forms/primitives';
import type { SupplementItem } from '../review';
import type { VerifiedFacts } from './facts';

/**
 * Facts a person confirms from a document when a registry could not (DESIGN.md §5): an offline
 * check at a registration point, a supplement the reviewer accepts, or a reviewer's correction.
 * Each confirmation names the fact it confirms; the values a registry would have given and the
 * statement lacks (catchment unit, dates, months) are read off the document. One entry per fact.
 */
export const CONFIRMABLE_FACTS = {
  IDENTITY: { zh: '儿童身份', en: "the child's identity", document: 'BIRTH_CERTIFICATE' },
  HOUSEHOLD: { zh: '户籍', en: 'the household registration', document: 'HUKOU_BOOKLET' },
  RESIDENCE_PERMIT: { zh: '居住证', en: 'the residence permit', document: 'RESIDENCE_PERMIT' },
  PROPERTY: { zh: '住房', en: 'the home', document: 'PROPERTY_CERTIFICATE' },
  SOCIAL_INSURANCE: {
    zh: '社保缴费',
    en: 'the social insurance',
    document: 'SOCIAL_INSURANCE_PROOF',
  },
  POLICY_CARE: { zh: '政策性照顾', en: 'policy care', document: 'POLICY_CARE_PROOF' },
} as const satisfies Record<string, { zh: string; en: string; document: SupplementItem }>;
export type ConfirmableFact = keyof typeof CONFIRMABLE_FACTS;

const catchmentUnit = text(32).nullable().describe('Catchment unit of the address, if any');
/** false withdraws a fact confirmed earlier (a reviewer's correction). */
const confirmed = z.boolean().default(true).describe('false withdraws the fact');

export const factConfirmationSchema = z.discriminatedUnion('fact', [
  z.strictObject({ fact: z.literal('IDENTITY'), confirmed }),
  z.strictObject({
    fact: z.literal('POLICY_CARE'),
    confirmed,
    category: z.enum(POLICY_CARE_CATEGORIES).describe('政策性照顾 category the document proves'),
  }),
  z.strictObject({
    fact: z.literal('HOUSEHOLD'),
    confirmed,
    catchmentUnit,
    moveInDate: isoDate.describe("When the child's hukou moved to the address"),
  }),
  z.strictObject({
    fact: z.literal('PROPERTY'),
    confirmed,
    kind: z.enum(['OWNED', 'PURCHASE_CONTRACT', 'REGISTERED_RENTAL']),
    holder: z.enum(['GUARDIAN', 'GRANDPARENT', 'OTHER']),
    soleOwnership: z.boolean(),
    catchmentUnit,
    registrationDate: isoDate,
  }),
  z.strictObject({ fact: z.literal('RESIDENCE_PERMIT'), confirmed, expiryDate: isoDate }),
  z.strictObject({
    fact: z.literal('SOCIAL_INSURANCE'),
    confirmed,
    monthsPaidLast24: z.number().int().min(0).max(24),
  }),
]);
export type FactConfirmationFields = z.output<typeof factConfirmationSchema>;

export const CONFIRMATION_SOURCES = ['OFFLINE_CHECK', 'SUPPLEMENT', 'CORRECTION'] as const;
export type ConfirmationSource = (typeof CONFIRMATION_SOURCES)[number];

/** A confirmation as the case keeps it: what, from which source, by whom. */
export type FactConfirmation = FactConfirmationFields & {
  readonly source: ConfirmationSource;
  readonly by: string;
};

/**
 * The verified facts once people's confirmations are applied over the registries' answers, in
 * order: the latest word on a fact wins. The statement supplies what the document and the
 * statement share (addresses, the permit's issue date); the confirmation, what it alone states.
 */
export function applyConfirmations(
  facts: VerifiedFacts,
  form: ApplicationForm,
  confirmations: readonly FactConfirmation[],
): VerifiedFacts {
  return confirmations.reduce((acc, c) => applyOne(acc, facts, form, c), facts);
}

/** One confirmation over the facts so far; what the registry said fills what neither names. */
function applyOne(
  facts: VerifiedFacts,
  registry: VerifiedFacts,
  form: ApplicationForm,
  c: FactConfirmation,
): VerifiedFacts {
  // A caller that skips the API's schema may leave out `confirmed`: absent confirms.
  const yes = c.confirmed !== false;
  const without = (key: 'household' | 'property' | 'residencePermit' | 'socialInsurance') => {
    const { [key]: _dropped, ...rest } = facts;
    return rest;
  };
  switch (c.fact) {
    case 'IDENTITY':
      return { ...facts, identityConfirmed: yes };
    case 'POLICY_CARE': {
      const { policyCareCategory: _dropped, ...rest } = facts;
      return yes
        ? { ...rest, policyCareConfirmed: true, policyCareCategory: c.category }
        : { ...rest, policyCareConfirmed: false };
    }
    case 'HOUSEHOLD':
      if (!yes) return without('household');
      return {
        ...facts,
        household: {
          divisionCode: form.child.hukouDivisionCode,
          address: form.child.hukouAddress,
          catchmentUnit: c.catchmentUnit,
          moveInDate: c.moveInDate,
          memberRelations: registry.household?.memberRelations ?? ['GUARDIAN'],
        },
      };
    case 'PROPERTY':
      if (!yes) return without('property');
      return {
        ...facts,
        property: {
          certificateNo: form.housing?.certificateNo ?? registry.property?.certificateNo ?? '',
          address: form.housing?.address ?? registry.property?.address ?? '',
          kind: c.kind,
          holder: c.holder,
          soleOwnership: c.soleOwnership,
          catchmentUnit: c.catchmentUnit,
          registrationDate: c.registrationDate,
        },
      };
    case 'RESIDENCE_PERMIT':
      if (!yes || !form.residencePermit) return without('residencePermit');
      return {
        ...facts,
        residencePermit: {
          countyCode: form.residencePermit.issuingCountyCode,
          issueDate: form.residencePermit.issueDate,
          expiryDate: c.expiryDate,
        },
      };
    case 'SOCIAL_INSURANCE':
      if (!yes) return without('socialInsurance');
      return {
        ...facts,
        socialInsurance: {
          cityCode: facts.cityCode,
          monthsPaidLast24: c.monthsPaidLast24,
          active: true,
        },
      };
  }
}
