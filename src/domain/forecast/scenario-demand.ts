import { DEFAULT_TIER_MIX, type SchoolDemand } from './scenario';

/**
 * The demand a shortfall scenario runs on, per school: the families' first choices by tier once
 * they have applied (LIVE), otherwise the forecast split into tiers by the default mix — the
 * hukou share of the catchment's children to tiers 1–7, the residence-permit share to 8–9.
 */
export function scenarioDemand(
  school: {
    readonly id: string;
    readonly location: { readonly x: number; readonly y: number };
  },
  warning: {
    readonly basis: 'FORECAST' | 'LIVE';
    readonly forecast: number;
    readonly liveByTier: Readonly<Record<string, number>> | null;
  },
  hukouShare: number,
): SchoolDemand {
  if (warning.basis === 'LIVE')
    return { schoolId: school.id, location: school.location, byTier: warning.liveByTier ?? {} };
  const byTier: Record<string, number> = {};
  const share = Math.min(1, Math.max(0, hukouShare));
  for (const [tier, mix] of Object.entries(DEFAULT_TIER_MIX.hukou))
    byTier[tier] = warning.forecast * share * mix;
  for (const [tier, mix] of Object.entries(DEFAULT_TIER_MIX.permit))
    byTier[tier] = warning.forecast * (1 - share) * mix;
  return { schoolId: school.id, location: school.location, byTier };
}
