import { Inject, Injectable } from '@nestjs/common';
import type { AppointmentRepository } from '../../db/appointment-repository';
import type { ReferenceDataRepository } from '../../db/reference-data-repository';
import type { Config } from '../../config/config';
import { NotFoundError, SlotFullError } from '../../domain/errors';
import { BookingLimitError } from '../../domain/limit-errors';
import { canReadCase } from '../../domain/case-access';
import type { Principal } from '../../domain/principal';
import type { CallerContext } from '../auth/caller';
import { CaseGateway } from '../cases/case-gateway';
import { API_CONFIG, APPOINTMENTS, REFERENCE_DATA } from '../injection-tokens';

const DAY_MS = 86_400_000;

/** Registration points (报名点) and appointment slots (预约快办) for families who come in person. */
@Injectable()
export class RegistrationService {
  constructor(
    @Inject(REFERENCE_DATA) private readonly reference: ReferenceDataRepository,
    @Inject(APPOINTMENTS) private readonly appointments: AppointmentRepository,
    @Inject(API_CONFIG) private readonly config: Config,
    private readonly cases: CaseGateway,
  ) {}

  points(countyCode?: string) {
    return this.reference.registrationPoints(countyCode);
  }

  /** Free slots from a day (China time; default now) for some days. */
  async freeSlots(pointId: string, query: { from?: string; days: number }) {
    if (!(await this.reference.registrationPoint(pointId)))
      throw new NotFoundError('registration point');
    const from = query.from ? new Date(`${query.from}T00:00:00+08:00`) : new Date();
    const to = new Date(from.getTime() + query.days * DAY_MS);
    const rows = await this.appointments.freeSlots(pointId, from, to);
    return rows.map((r) => ({
      id: r.id,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      free: r.capacity - r.booked,
    }));
  }

  /** A booking, for one of the family's own cases when it names one (else 404, as for any case). */
  async book(caller: CallerContext, slotId: string, applicationNo?: string) {
    const linked = applicationNo
      ? (await this.cases.find(applicationNo, caller, canReadCase)).applicationNo
      : null;
    const maxLive = this.config.APPOINTMENT_MAX_LIVE_BOOKINGS;
    const outcome = await this.appointments.book(slotId, caller.principal.sub, maxLive, linked);
    if (outcome.kind === 'limit') throw new BookingLimitError(maxLive);
    if (outcome.kind === 'full') throw new SlotFullError(slotId);
    if (outcome.kind === 'no-such-slot') throw new NotFoundError('appointment slot');
    return { appointmentId: outcome.appointmentId, slotId, status: 'BOOKED' as const };
  }

  async mine(principal: Principal) {
    const rows = await this.appointments.listOwnedBy(principal.sub);
    return rows.map((a) => ({
      appointmentId: a.id,
      status: a.status,
      applicationNo: a.applicationNo,
      startsAt: a.slot.startsAt.toISOString(),
      point: { id: a.slot.point.id, nameZh: a.slot.point.nameZh, address: a.slot.point.address },
    }));
  }

  async cancel(principal: Principal, appointmentId: string): Promise<void> {
    if (!(await this.appointments.cancel(appointmentId, principal.sub)))
      throw new NotFoundError('appointment');
  }
}
