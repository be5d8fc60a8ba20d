import type { Prisma, RegistrationPointKind } from '../generated/prisma/client';
import type { SlotTime } from '../domain/registration-points';
import type { Db } from './prisma-client';

export interface PointData {
  readonly countyCode: string;
  readonly kind: RegistrationPointKind;
  readonly nameZh: string;
  readonly address: string;
  readonly openingHours: Prisma.InputJsonValue;
  readonly slotMinutes: number;
  readonly slotCapacity: number;
}

/**
 * Registration points, their closures and slots as administrators keep them (issue 14). A slot's
 * capacity changes with one conditional UPDATE against its bookings, as booking takes a place
 * with one, so the two cannot cross; a closed day is data the booking queries read.
 */
export class PointAdministrationRepository {
  constructor(private readonly db: Db) {}

  point(id: string) {
    return this.db.registrationPoint.findUnique({
      where: { id },
      include: { closures: { orderBy: { day: 'asc' } } },
    });
  }

  upsertPoint(id: string, data: PointData) {
    return this.db.registrationPoint.upsert({
      where: { id },
      create: { id, ...data },
      update: data,
      include: { closures: { orderBy: { day: 'asc' } } },
    });
  }

  /** Closes a day unless families hold live bookings on it; their number otherwise. */
  async closeDay(
    pointId: string,
    day: { date: Date; from: Date; to: Date },
    reason: string,
  ): Promise<{ kind: 'closed' } | { kind: 'booked'; live: number }> {
    return this.db.$transaction(async (tx) => {
      // Serialises with bookings of the day's slots: they take the slot rows' locks too.
      await tx.$executeRaw`SELECT id FROM appointment_slot WHERE point_id = ${pointId}
        AND starts_at >= ${day.from} AND starts_at < ${day.to} FOR UPDATE`;
      const live = await tx.appointment.count({
        where: {
          status: 'BOOKED',
          slot: { pointId, startsAt: { gte: day.from, lt: day.to } },
        },
      });
      if (live > 0) return { kind: 'booked' as const, live };
      await tx.registrationPointClosure.upsert({
        where: { pointId_day: { pointId, day: day.date } },
        create: { pointId, day: day.date, reason },
        update: { reason },
      });
      return { kind: 'closed' as const };
    });
  }

  async reopenDay(pointId: string, date: Date): Promise<boolean> {
    const removed = await this.db.registrationPointClosure.deleteMany({
      where: { pointId, day: date },
    });
    return removed.count > 0;
  }

  /** Creates the slots not there yet (a slot is its point and start); answers the range's slots. */
  async createSlots(pointId: string, slots: readonly SlotTime[], capacity: number) {
    const { count: created } = await this.db.appointmentSlot.createMany({
      data: slots.map((s) => ({
        id: `${pointId}-${s.startsAt.toISOString()}`,
        pointId,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        capacity,
      })),
      skipDuplicates: true,
    });
    if (slots.length === 0) return { created, slots: [] };
    const inRange = await this.db.appointmentSlot.findMany({
      where: {
        pointId,
        startsAt: { gte: slots[0]!.startsAt, lte: slots[slots.length - 1]!.startsAt },
      },
      orderBy: { startsAt: 'asc' },
    });
    return { created, slots: inRange };
  }

  /** A slot's new capacity, never below the places already booked. */
  async setCapacity(
    pointId: string,
    slotId: string,
    capacity: number,
  ): Promise<
    | { kind: 'set'; slot: Prisma.AppointmentSlotGetPayload<object> }
    | { kind: 'below'; booked: number }
    | { kind: 'not-found' }
  > {
    const changed = await this.db.$executeRaw`
      UPDATE appointment_slot SET capacity = ${capacity}
      WHERE id = ${slotId} AND point_id = ${pointId} AND booked <= ${capacity}`;
    const slot = await this.db.appointmentSlot.findFirst({ where: { id: slotId, pointId } });
    if (!slot) return { kind: 'not-found' };
    if (changed === 0) return { kind: 'below', booked: slot.booked };
    return { kind: 'set', slot };
  }
}
