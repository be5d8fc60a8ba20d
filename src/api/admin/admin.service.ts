import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Config } from '../../config/config';
import type { AdministrationRepository } from '../../db/administration-repository';
import { STAGES, type Stage } from '../../domain/enrolment';
import { NotFoundError, RuleViolationError } from '../../domain/errors';
import { violation } from '../../domain/forms/violations';
import { requireCounty, type Principal } from '../../domain/principal';
import { isGuangxiCounty } from '../../domain/reference/guangxi-divisions';
import { startEarlyWarning } from '../../worker/early-warning-schedule';
import { ADMINISTRATION, API_CONFIG, TEMPORAL_CLIENT } from '../injection-tokens';
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
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: Config,
  ) {}

  season(year: number, body: SeasonDto) {
    return this.admin.upsertSeason(year, {
      name: body.name,
      primaryBornOnOrBefore: new Date(`${body.primaryBornOnOrBefore}T00:00:00Z`),
      juniorBornOnOrBefore: new Date(`${body.juniorBornOnOrBefore}T00:00:00Z`),
    });
  }

  window(principal: Principal, key: CountyKey, body: WindowDto) {
    inScope(principal, key.countyCode);
    return this.admin.upsertWindow(
      { countyCode: key.countyCode, stage: stageParam(key.stage), seasonYear: key.seasonYear },
      { opensAt: new Date(body.opensAt), closesAt: new Date(body.closesAt) },
    );
  }

  async school(principal: Principal, schoolId: string, body: SchoolDto) {
    inScope(principal, body.countyCode);
    const existing = await this.admin.school(schoolId);
    if (existing) inScope(principal, existing.countyCode);
    const { location, ...rest } = body;
    const saved = await this.admin.upsertSchool({
      id: schoolId,
      ...rest,
      locationX: location.x,
      locationY: location.y,
    });
    // Places or catchments changed: the county's warnings follow at once (学位预警).
    await this.recomputeWarnings(body.countyCode, 'PLACES');
    return saved;
  }

  /** When and with what families report at a school in a season (the admission notice's data). */
  async reporting(principal: Principal, schoolId: string, seasonYear: number, body: ReportingDto) {
    const school = await this.admin.school(schoolId);
    if (!school) throw new NotFoundError('school');
    inScope(principal, school.countyCode);
    return this.admin.upsertReporting(
      { schoolId, seasonYear },
      {
        reportFrom: new Date(body.reportFrom),
        reportUntil: new Date(body.reportUntil),
        materials: body.materials,
      },
    );
  }

  /** The periods of confirmation (报到) and of waitlist offers; rounds read them when they deliver. */
  countyPeriods(principal: Principal, countyCode: string, body: CountyPeriodsDto) {
    inScope(principal, countyCode);
    return this.admin.setCountyPeriods(countyCode, body);
  }

  async policy(principal: Principal, key: CountyKey, body: PolicyDto) {
    inScope(principal, key.countyCode);
    const saved = await this.admin.upsertPolicy(
      { countyCode: key.countyCode, stage: stageParam(key.stage), seasonYear: key.seasonYear },
      body,
    );
    await this.recomputeWarnings(key.countyCode, 'POLICY');
    return saved;
  }

  private async recomputeWarnings(countyCode: string, cause: 'PLACES' | 'POLICY') {
    await startEarlyWarning(this.temporal, this.config.TEMPORAL_TASK_QUEUE, {
      countyCodes: [countyCode],
      cause,
    });
  }
}

/** A county of Guangxi, and one the administrator's scope covers. */
function inScope(principal: Principal, countyCode: string): void {
  if (!isGuangxiCounty(countyCode))
    throw new RuleViolationError([violation('countyCode', 'NOT_GUANGXI_COUNTY')]);
  requireCounty(principal, countyCode);
}

function stageParam(value: string): Stage {
  if (!(STAGES as readonly string[]).includes(value))
    throw new RuleViolationError([violation('stage', 'NOT_IN_LIST')]);
  return value as Stage;
}
