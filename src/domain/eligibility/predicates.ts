import { DEFAULT_POLICY_CARE, type PredicateName, type PriorityPolicy } from './policy';
import type { SchoolCatchment, VerifiedFacts } from './facts';

/**
 * The catalogue of tier predicates. Each looks only at verified facts and says whether it holds,
 * which facts it rested on, and the date that qualified it (for the tie-break).
 */
export interface PredicateResult {
  readonly holds: boolean;
  readonly evidence: readonly string[];
  readonly qualifyingDate?: string;
  readonly contributionMonths?: number;
}

/** Predicates that rest on a home; a locked housing certificate cannot support them. */
export const HOME_BASED: ReadonlySet<PredicateName> = new Set([
  'SOLE_OWNED_HOME_AT_HUKOU_IN_CATCHMENT',
  'CO_OWNED_HOME_AT_HUKOU_IN_CATCHMENT',
  'HUKOU_IN_CATCHMENT_AND_HOME_ELSEWHERE_IN_CATCHMENT',
  'THREE_GENERATIONS_AT_GRANDPARENT_HOME',
  'HOME_IN_CATCHMENT_HUKOU_ELSEWHERE',
]);

/** Addresses compare without spaces and with full-width characters folded, as registries differ there. */
export function sameAddress(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
      .replace(/[\s\u3000]/g, '');
  return fold(a) === fold(b);
}

/** Whole months from `from` to 31 August of the season, the reference day of the policy. */
export function monthsUntilCutoff(from: string, seasonYear: number): number {
  // The cut-off is a month's last day, so whole months do not depend on the day of `from`.
  const [y, m] = from.split('-').map(Number) as [number, number];
  return (seasonYear - y) * 12 + (8 - m);
}

interface Context {
  readonly facts: VerifiedFacts;
  readonly school: SchoolCatchment;
  readonly policy: PriorityPolicy;
  /** False when the housing certificate is locked by an earlier admission. */
  readonly homeUsable: boolean;
}

const no: PredicateResult = { holds: false, evidence: [] };

function inCatchment(unit: string | null | undefined, school: SchoolCatchment): boolean {
  return !!unit && school.catchmentUnits.includes(unit);
}

/** A home the guardians own or are buying, usable for a claim. */
function guardianHome({ facts, homeUsable }: Context) {
  const p = facts.property;
  return homeUsable && p && p.holder === 'GUARDIAN' && p.kind !== 'REGISTERED_RENTAL'
    ? p
    : undefined;
}

function hukouInCatchment({ facts, school }: Context) {
  const h = facts.household;
  return h && inCatchment(h.catchmentUnit, school) ? h : undefined;
}

function homeAtHukou(ctx: Context, sole: boolean): PredicateResult {
  const home = guardianHome(ctx);
  const hukou = hukouInCatchment(ctx);
  // A purchase contract (网签合同) stands for ownership until the certificate is issued.
  if (!home || !hukou || home.soleOwnership !== sole) return no;
  if (!sameAddress(home.address, hukou.address) || !inCatchment(home.catchmentUnit, ctx.school))
    return no;
  return {
    holds: true,
    evidence: [
      `property ${home.certificateNo} (${sole ? 'sole' : 'co-owned'}) registered ${home.registrationDate}`,
      `hukou at the same address since ${hukou.moveInDate}`,
    ],
    qualifyingDate:
      home.registrationDate < hukou.moveInDate ? hukou.moveInDate : home.registrationDate,
  };
}

function hukouWithoutHome(ctx: Context, over: boolean): PredicateResult {
  const hukou = hukouInCatchment(ctx);
  const home = guardianHome(ctx);
  if (!hukou || (home && inCatchment(home.catchmentUnit, ctx.school))) return no;
  const months = monthsUntilCutoff(hukou.moveInDate, ctx.facts.seasonYear);
  if (months >= ctx.policy.hukouMonthsThreshold !== over) return no;
  return {
    holds: true,
    evidence: [`hukou in the catchment since ${hukou.moveInDate} (${months} months)`],
    qualifyingDate: hukou.moveInDate,
  };
}

const CATALOGUE: Record<PredicateName, (ctx: Context) => PredicateResult> = {
  POLICY_CARE: ({ facts, policy }) => {
    if (!facts.policyCareConfirmed) return no;
    // A confirmation without a category predates categories; it stands as it was.
    if (!facts.policyCareCategory)
      return { holds: true, evidence: ['policy care confirmed by the bureau'] };
    const rule = (policy.policyCare ?? DEFAULT_POLICY_CARE).find(
      (r) => r.code === facts.policyCareCategory,
    );
    return rule
      ? {
          holds: true,
          evidence: [
            `policy care confirmed by the bureau: ${rule.nameZh} (${rule.nameEn}, ${rule.code})`,
          ],
        }
      : no;
  },

  FEEDER_PRIMARY: ({ facts, school }) =>
    facts.stage === 'JUNIOR_1' &&
    facts.currentPrimarySchoolId &&
    school.feederPrimaryIds.includes(facts.currentPrimarySchoolId)
      ? { holds: true, evidence: [`attends feeder primary ${facts.currentPrimarySchoolId}`] }
      : no,

  SOLE_OWNED_HOME_AT_HUKOU_IN_CATCHMENT: (ctx) => homeAtHukou(ctx, true),
  CO_OWNED_HOME_AT_HUKOU_IN_CATCHMENT: (ctx) => homeAtHukou(ctx, false),

  HUKOU_IN_CATCHMENT_AND_HOME_ELSEWHERE_IN_CATCHMENT: (ctx) => {
    const hukou = hukouInCatchment(ctx);
    const home = guardianHome(ctx);
    if (
      !hukou ||
      !home ||
      !inCatchment(home.catchmentUnit, ctx.school) ||
      sameAddress(home.address, hukou.address)
    )
      return no;
    return {
      holds: true,
      evidence: [
        `hukou in the catchment since ${hukou.moveInDate}`,
        `property ${home.certificateNo} in the catchment at another address`,
      ],
      qualifyingDate: home.registrationDate,
    };
  },

  THREE_GENERATIONS_AT_GRANDPARENT_HOME: ({ facts, school, homeUsable }) => {
    const p = facts.property;
    const h = facts.household;
    if (!homeUsable || !p || !h || p.holder !== 'GRANDPARENT' || p.kind !== 'OWNED') return no;
    if (
      !sameAddress(p.address, h.address) ||
      !inCatchment(p.catchmentUnit, school) ||
      !h.memberRelations.includes('GRANDPARENT')
    )
      return no;
    return {
      holds: true,
      evidence: [
        `grandparent's property ${p.certificateNo}`,
        `child's hukou in the grandparent's household since ${h.moveInDate}`,
      ],
      qualifyingDate: h.moveInDate,
    };
  },

  HUKOU_IN_CATCHMENT_OVER_THRESHOLD_NO_HOME: (ctx) => hukouWithoutHome(ctx, true),

  HOME_IN_CATCHMENT_HUKOU_ELSEWHERE: (ctx) => {
    const home = guardianHome(ctx);
    if (!home || !inCatchment(home.catchmentUnit, ctx.school) || hukouInCatchment(ctx)) return no;
    return {
      holds: true,
      evidence: [
        `property ${home.certificateNo} in the catchment, registered ${home.registrationDate}`,
      ],
      qualifyingDate: home.registrationDate,
    };
  },

  HUKOU_IN_CATCHMENT_UNDER_THRESHOLD_NO_HOME: (ctx) => hukouWithoutHome(ctx, false),

  MIGRANT_WITH_FOUR_PROOFS: ({ facts, school, policy }) => {
    const { household, residencePermit: permit, property, socialInsurance: si } = facts;
    if (facts.formType !== 'B' || !household || !permit || !property || !si) return no;
    const cutoff = `${facts.seasonYear}-08-31`;
    const permitValid = permit.countyCode === facts.countyCode && permit.expiryDate >= cutoff;
    const residesInCatchment =
      property.holder === 'GUARDIAN' && inCatchment(property.catchmentUnit, school);
    const insured =
      si.cityCode === facts.cityCode && si.monthsPaidLast24 >= policy.socialInsuranceMonths;
    if (!permitValid || !residesInCatchment || !insured) return no;
    return {
      holds: true,
      evidence: [
        'hukou booklet confirmed',
        `residence permit of the county since ${permit.issueDate}`,
        `${property.kind === 'REGISTERED_RENTAL' ? 'registered rental' : 'home'} ${property.certificateNo} in the catchment`,
        `${si.monthsPaidLast24} months of social insurance in the city`,
      ],
      qualifyingDate: permit.issueDate,
      contributionMonths: si.monthsPaidLast24,
    };
  },

  OTHER_ELIGIBLE: () => ({ holds: true, evidence: ['eligible; no priority claim confirmed'] }),
};

export function evaluatePredicate(name: PredicateName, ctx: Context): PredicateResult {
  if (!ctx.homeUsable && HOME_BASED.has(name)) return no;
  return CATALOGUE[name](ctx);
}
