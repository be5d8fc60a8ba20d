import { Inject, Injectable } from '@nestjs/common';
import type { PointAdministrationRepository } from '../../db/point-administration-repository';
import { BookingsExistError, CapacityBelowBookingsError } from '../../domain/claim-errors';
import { NotFoundError, RuleViolationError } from '../../domain/errors';
import { violation } from '../../domain/forms/violations';
import { requireCounty, type Principal } from '../../domain/principal';
import { chinaTime, slotsWithin, type OpeningPeriod } from '../../domain/registration-points';
import { requireCountyInScope } from '../county-params';
import { POINT_ADMINISTRATION } from '../injection-tokens';
import type { PointDto, SlotGenerationDto } from './points-dto';

const DAY_MS = 86_400_000;

/**
 * Registration points, their opening hours, closed days and slots (issue 14), for CITY_ADMIN in
 * their counties and REGION_ADMIN everywhere: the same county scope as the rest of /admin. A
 * point is administered where it is, and may be moved only to a county in scope too.
 */
@Injectable()
export class PointsService {
  constructor(
    @Inject(POINT_ADMINISTRATION) private readonly points: PointAdministrationRepository,
  ) {}

  async upsert(principal: Principal, pointId: string, body: PointDto) {
    requireCountyInScope(principal, body.countyCode);
    const existing = await this.points.point(pointId);
    if (existing) requireCounty(principal, existing.countyCode);
    return rowOf(await this.points.upsertPoint(pointId, body));
  }

  async close(principal: Principal, pointId: string, day: string, reason: string) {
    await this.pointInScope(principal, pointId);
    const from = chinaTime(dayParam(day), '00:00');
    const outcome = await this.points.closeDay(
      pointId,
      { date: new Date(`${day}T00:00:00Z`), from, to: new Date(from.getTime() + DAY_MS) },
      reason,
    );
    if (outcome.kind === 'booked') throw new BookingsExistError(outcome.live);
    return { pointId, day, reason };
  }

  async reopen(principal: Principal, pointId: string, day: string): Promise<void> {
    await this.pointInScope(principal, pointId);
    if (!(await this.points.reopenDay(pointId, new Date(`${dayParam(day)}T00:00:00Z`))))
      throw new NotFoundError('closure');
  }

  /** Slots cut from the opening hours of each open day in the range; existing ones are kept. */
  async generate(principal: Principal, pointId: string, body: SlotGenerationDto) {
    const point = await this.pointInScope(principal, pointId);
    // A closure's day is a DATE, read back as midnight UTC of that calendar day.
    const closed = new Set(point.closures.map((c) => c.day.toISOString().slice(0, 10)));
    const times = slotsWithin(
      point.openingHours as unknown as OpeningPeriod[],
      closed,
      body,
      point.slotMinutes,
    );
    return this.points.createSlots(pointId, times, body.capacity ?? point.slotCapacity);
  }

  async setCapacity(principal: Principal, pointId: string, slotId: string, capacity: number) {
    await this.pointInScope(principal, pointId);
    const outcome = await this.points.setCapacity(pointId, slotId, capacity);
    if (outcome.kind === 'not-found') throw new NotFoundError('appointment slot');
    if (outcome.kind === 'below') throw new CapacityBelowBookingsError(outcome.booked);
    return outcome.slot;
  }

  private async pointInScope(principal: Principal, pointId: string) {
    const point = await this.points.point(pointId);
    if (!point) throw new NotFoundError('registration point');
    requireCounty(principal, point.countyCode);
    return point;
  }
}

function rowOf(point: NonNullable<Awaited<ReturnType<PointAdministrationRepository['point']>>>) {
  return {
    ...point,
    openingHours: point.openingHours as unknown as OpeningPeriod[],
    closures: point.closures.map(({ day, reason }) => ({ day, reason })),
  };
}

function dayParam(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)))
    throw new RuleViolationError([violation('day', 'BAD_FORMAT')]);
  return day;
}
