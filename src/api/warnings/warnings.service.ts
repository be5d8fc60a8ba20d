import { Inject, Injectable } from '@nestjs/common';
import type { WarningRepository, WarningPolicyData } from '../../db/warning-repository';
import type { Stage } from '../../domain/enrolment';
import { priorityPolicySchema } from '../../domain/eligibility/policy';
import { NotFoundError } from '../../domain/errors';
import { childrenAged, ENTRY_AGE, type UnitPopulation } from '../../domain/forecast/population';
import {
  compareScenarios,
  forecastApplicants,
  type PlacesVariant,
} from '../../domain/forecast/scenario';
import { scenarioDemand } from '../../domain/forecast/scenario-demand';
import { actorOf, countiesInScope, type Principal } from '../../domain/principal';
import { requireCountyInScope, stageParam } from '../county-params';
import { WARNINGS } from '../injection-tokens';
import { EarlyWarningTrigger } from './early-warning-trigger';
import { warningPublicationNotice, type EarlyWarningCause } from '../../contract';
import type { WarningLevel } from '../../domain/forecast/warning-levels';

type Basis = 'FORECAST' | 'LIVE';

/**
 * The early warning for a county's administrators (docs/early-warning.md): levels per school and
 * season, the outbox of level changes, thresholds, recomputation, publication and the shortfall
 * scenario. Aggregates only: nothing here reads a person.
 */
@Injectable()
export class WarningsService {
  constructor(
    @Inject(WARNINGS) private readonly warnings: WarningRepository,
    private readonly trigger: EarlyWarningTrigger,
  ) {}

  async list(principal: Principal, countyCode: string, stage?: Stage, seasonYear?: number) {
    requireCountyInScope(principal, countyCode);
    const rows = await this.warnings.warnings(countyCode, stage, seasonYear);
    return rows.map((r) => ({
      ...r,
      basis: r.basis as Basis,
      level: r.level as WarningLevel,
      liveByTier: r.liveByTier as Record<string, number> | null,
      populationAsOf: r.populationAsOf?.toISOString().slice(0, 10) ?? null,
      computedAt: r.computedAt.toISOString(),
    }));
  }

  async notifications(principal: Principal, countyCode: string | undefined, limit: number) {
    if (countyCode !== undefined) requireCountyInScope(principal, countyCode);
    const rows = await this.warnings.notifications(countiesInScope(principal, countyCode), limit);
    return rows.map((r) => ({
      ...r,
      id: String(r.id),
      basis: r.basis as Basis,
      fromLevel: r.fromLevel as WarningLevel,
      toLevel: r.toLevel as WarningLevel,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  policy(principal: Principal, countyCode: string) {
    requireCountyInScope(principal, countyCode);
    return this.warnings.policy(countyCode);
  }

  /** New thresholds apply at once: the county is recomputed. */
  async setPolicy(principal: Principal, countyCode: string, policy: WarningPolicyData) {
    requireCountyInScope(principal, countyCode);
    const saved = await this.warnings.setPolicy(countyCode, policy);
    await this.recompute(principal, countyCode, 'POLICY');
    return saved;
  }

  async recompute(principal: Principal, countyCode: string, cause: EarlyWarningCause = 'MANUAL') {
    requireCountyInScope(principal, countyCode);
    return { workflowId: await this.trigger.recompute(countyCode, cause) };
  }

  async publish(principal: Principal, countyCode: string, stage: string, seasonYear: number) {
    requireCountyInScope(principal, countyCode);
    const s = stageParam(stage);
    if (!(await this.warnings.warnings(countyCode, s, seasonYear)).length)
      throw new NotFoundError('warnings');
    // The platform shows the public summary too (桂通办): its durable relay starts with the row.
    const row = await this.warnings.publish(countyCode, s, seasonYear, actorOf(principal), (p) =>
      this.trigger.relayPublication(warningPublicationNotice(countyCode, publicationOf(p))),
    );
    return publicationOf(row);
  }

  /** The shortfall scenario and its variants with extra places, side by side. */
  async scenario(
    principal: Principal,
    countyCode: string,
    stage: string,
    seasonYear: number,
    variants: readonly PlacesVariant[],
  ) {
    requireCountyInScope(principal, countyCode);
    const s = stageParam(stage);
    const [rows, inputs, population, policyRow] = await Promise.all([
      this.warnings.warnings(countyCode, s, seasonYear),
      this.warnings.scenarioSchools(countyCode, s),
      this.warnings.latestPopulation(countyCode),
      this.warnings.admissionPolicy(countyCode, s, seasonYear),
    ]);
    if (!rows.length) throw new NotFoundError('warnings');
    const hukouShare = hukouShareOf(population?.units ?? [], s);
    const bySchool = new Map(rows.map((r) => [r.schoolId, r]));
    const schools = inputs.map((sc) => ({
      id: sc.id,
      capacity: sc.places,
      location: { x: sc.locationX, y: sc.locationY },
    }));
    const demands = schools.flatMap((sc) => {
      const w = bySchool.get(sc.id);
      if (!w) return [];
      const basis = w.basis as Basis;
      const liveByTier = w.liveByTier as Record<string, number> | null;
      return [scenarioDemand(sc, { basis, forecast: w.forecast, liveByTier }, hukouShare)];
    });
    const applicants = forecastApplicants(demands);
    const mechanism = policyRow
      ? (priorityPolicySchema.parse(policyRow.document).mechanism ?? 'DEFERRED_ACCEPTANCE')
      : 'DEFERRED_ACCEPTANCE';
    const outcomes = compareScenarios(
      { schools, applicants, mechanism, seed: `scenario:${countyCode}:${s}:${seasonYear}` },
      variants,
    );
    const basis: Basis = rows.some((r) => r.basis === 'LIVE') ? 'LIVE' : 'FORECAST';
    return { countyCode, stage: s, seasonYear, basis, applicants: applicants.length, outcomes };
  }
}

/** The share of the entering cohort with hukou (the rest hold a residence permit). */
function hukouShareOf(units: readonly UnitPopulation[], stage: Stage): number {
  const age = ENTRY_AGE[stage];
  const all = childrenAged(units, age);
  if (all <= 0) return 0.7;
  let hukou = 0;
  for (const u of units) for (const a of u.ages) if (a.age === age) hukou += Math.max(0, a.hukou);
  return hukou / all;
}

export function publicationOf(row: {
  stage: Stage;
  seasonYear: number;
  version: number;
  publishedAt: Date;
  items: unknown;
}) {
  return {
    stage: row.stage,
    seasonYear: row.seasonYear,
    version: row.version,
    publishedAt: row.publishedAt.toISOString(),
    items: row.items as {
      schoolId: string;
      schoolName: string;
      level: WarningLevel;
      basis: Basis;
      places: number;
      demand: number;
      summaryZh: string;
      summaryEn: string;
    }[],
  };
}
