import { Inject, Injectable } from '@nestjs/common';
import type { AppointmentRepository } from '../../db/appointment-repository';
import { BookingNotOpenError } from '../../domain/claim-errors';
import { canReadCase } from '../../domain/case-access';
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import { actorOf, type Principal } from '../../domain/principal';
import { chinaTime } from '../../domain/registration-points';
import type { CallerContext } from '../auth/caller';
import { CaseGateway } from '../cases/case-gateway';
import { APPOINTMENTS } from '../injection-tokens';
import type { BookingOutcomeDto, PointBookingsQueryDto } from './dto';

const DAY_MS = 86_400_000;

/** Staff work only their own point's bookings (the point in their token). */
function requireOwnPoint(principal: Principal, pointId: string): void {
  if (principal.pointId !== pointId) throw new ForbiddenError('another registration point');
}

/** The booking desk of a registration point (issue 14): the day's list, and what happened. */
@Injectable()
export class BookingsService {
  constructor(
    @Inject(APPOINTMENTS) private readonly appointments: AppointmentRepository,
    private readonly cases: CaseGateway,
  ) {}

  async list(principal: Principal, pointId: string, query: PointBookingsQueryDto) {
    requireOwnPoint(principal, pointId);
    const from = query.date ? chinaTime(query.date, '00:00') : undefined;
    const { rows, total } = await this.appointments.atPoint(
      pointId,
      {
        ...(from && { from, to: new Date(from.getTime() + DAY_MS) }),
        ...(query.slotId && { slotId: query.slotId }),
        ...(query.status && { status: query.status }),
      },
      { offset: query.offset, limit: query.limit },
    );
    const next = query.offset + rows.length;
    return {
      items: rows.map((a) => ({
        appointmentId: a.id,
        slotId: a.slotId,
        startsAt: a.slot.startsAt.toISOString(),
        endsAt: a.slot.endsAt.toISOString(),
        status: a.status,
        applicationNo: a.applicationNo,
        account: a.ownerSub,
        handledBy: a.handledBy,
        handledAt: a.handledAt?.toISOString() ?? null,
      })),
      total,
      nextOffset: next < total ? next : null,
    };
  }

  /** Marks a booking attended, no-show or cancelled, and may link the case it was for. */
  async handle(
    caller: CallerContext,
    pointId: string,
    appointmentId: string,
    body: BookingOutcomeDto,
  ) {
    requireOwnPoint(caller.principal, pointId);
    // The case must be one of the point's county (staff read those), else it is not found.
    const applicationNo = body.applicationNo
      ? (await this.cases.find(body.applicationNo, caller, canReadCase)).applicationNo
      : undefined;
    const outcome = await this.appointments.handle(appointmentId, pointId, {
      status: body.status,
      by: actorOf(caller.principal),
      ...(applicationNo && { applicationNo }),
    });
    if (outcome.kind === 'not-found') throw new NotFoundError('appointment');
    if (outcome.kind === 'not-open') throw new BookingNotOpenError(outcome.status);
    // The case the booking is now linked to: this request's link, or the family's own.
    return { appointmentId, status: body.status, applicationNo: outcome.applicationNo };
  }
}
