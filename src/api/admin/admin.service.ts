import { Inject, Injectable } from '@nestjs/common';
import type { AdministrationRepository } from '../../db/administration-repository';
import { DEFAULT_POLICY, priorityPolicySchema } from '../../domain/eligibility/policy';
import { NotFoundError } from '../../domain/errors';
import type { Principal } from '../../domain/principal';
import { requireCountyInScope, stageParam } from '../county-params';
import { ADMINISTRATION } from '../injection-tokens';
import { EarlyWarningTrigger } from '../warnings/early-warning-trigger';
import type {
  CountyPeriodsDto,
  PolicyDto,
  ReportingDto,
  SchoolDto,
  SeasonDto,
  WindowDto,
} from './dto';

interface CountyKey {
  readonly countyCode: string;
  readonly stage: string;
  readonly seasonYear: number;
}

/**
 * Reference data and policy (CITY_ADMIN for their cities' counties, REGION_ADMIN for all).
 * Rounds freeze what they use, so a change here never alters a drawn round.
 */
@Injectable()
export class AdminService {
  constructor(
    @Inject(ADMINISTRATION) private readonly admin: AdministrationRepository,
    private readonly warnings: EarlyWarningTrigger,
  ) {}

  season(year: number, body: SeasonDto) {
    return this.admin.upsertSeason(year, {
      name: body.name,
      primaryBornOnOrBefore: new Date(`${body.primaryBornOnOrBefore}T00:00:00Z`),
      juniorBornOnOrBefore: new Date(`${body.juniorBornOnOrBefore}T00:00:00Z`),
    });
  }

  window(principal: Principal, key: CountyKey, body: WindowDto) {
    requireCountyInScope(principal, key.countyCode);
    return this.admin.upsertWindow(
      { countyCode: key.countyCode, stage: stageParam(key.stage), seasonYear: key.seasonYear },
      { opensAt: new Date(body.opensAt), closesAt: new Date(body.closesAt) },
    );
  }

  /** A county's schools with everything a PUT of one takes back (feeders, location). */
  schools(principal: Principal, countyCode: string) {
    requireCountyInScope(principal, countyCode);
    return this.admin.schools(countyCode);
  }

  async school(principal: Principal, schoolId: string, body: SchoolDto) {
    requireCountyInScope(principal, body.countyCode);
    const existing = await this.admin.school(schoolId);
    if (existing) requireCountyInScope(principal, existing.countyCode);
    const { location, ...rest } = body;
    const saved = await this.admin.upsertSchool({
      id: schoolId,
      ...rest,
      locationX: location.x,
      locationY: location.y,
    });
    // Places or catchments changed: the county's warnings follow at once (学位预警).
    await this.warnings.recompute(body.countyCode, 'PLACES');
    return saved;
  }

  /** When and with what families report at a school in a season (the admission notice's data). */
  async reporting(principal: Principal, schoolId: string, seasonYear: number, body: ReportingDto) {
    const school = await this.admin.school(schoolId);
    if (!school) throw new NotFoundError('school');
    requireCountyInScope(principal, school.countyCode);
    return this.admin.upsertReporting(
      { schoolId, seasonYear },
      {
        reportFrom: new Date(body.reportFrom),
        reportUntil: new Date(body.reportUntil),
        materials: body.materials,
      },
    );
  }

  /**
   * The periods of confirmation (报到) and of waitlist offers, which rounds read when they deliver,
   * and of appeals (复核), which a case takes when it is submitted.
   */
  countyPeriods(principal: Principal, countyCode: string, body: CountyPeriodsDto) {
    requireCountyInScope(principal, countyCode);
    return this.admin.setCountyPeriods(countyCode, body);
  }

  /** The policy a round of this county, stage and season would apply, as a bureau edits it. */
  async currentPolicy(principal: Principal, key: CountyKey) {
    requireCountyInScope(principal, key.countyCode);
    const stage = stageParam(key.stage);
    const row = await this.admin.policy({ ...key, stage });
    return {
      countyCode: key.countyCode,
      stage,
      seasonYear: key.seasonYear,
      countyOwn: !!row,
      document: priorityPolicySchema.parse(row?.document ?? DEFAULT_POLICY),
      updatedAt: row?.updatedAt ?? null,
    };
  }

  async policy(principal: Principal, key: CountyKey, body: PolicyDto) {
    requireCountyInScope(principal, key.countyCode);
    const saved = await this.admin.upsertPolicy(
      { countyCode: key.countyCode, stage: stageParam(key.stage), seasonYear: key.seasonYear },
      body,
    );
    await this.warnings.recompute(key.countyCode, 'POLICY');
    return saved;
  }
}
