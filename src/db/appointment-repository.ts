import { randomUUID } from 'node:crypto';
import type { AppointmentStatus, Prisma } from '../generated/prisma/client';
import type { Db } from './prisma-client';

export type BookingOutcome =
  | { readonly kind: 'booked'; readonly appointmentId: string }
  | { readonly kind: 'full' }
  | { readonly kind: 'limit' }
  | { readonly kind: 'no-such-slot' };

/**
 * Appointment slots at registration points (预约快办). A booking takes a place with one
 * conditional UPDATE, so concurrent bookings can never exceed a slot's capacity; the table's
 * CHECK constraint holds the same line in the database. Slots are stored in UTC; a point's closed
 * days (registration_point_closure) are China calendar days, hence the +8 hours. A family's upcoming bookings are counted
 * under a lock of its own, so concurrent bookings cannot pass the cap together either.
 */
export class AppointmentRepository {
  constructor(private readonly db: Db) {}

  freeSlots(pointId: string, from: Date, to: Date) {
    return this.db.$queryRaw<
      { id: string; starts_at: Date; ends_at: Date; capacity: number; booked: number }[]
    >`
      SELECT id, starts_at, ends_at, capacity, booked FROM appointment_slot
      WHERE point_id = ${pointId} AND starts_at >= ${from} AND starts_at < ${to} AND booked < capacity
        AND NOT EXISTS (SELECT 1 FROM registration_point_closure c
          WHERE c.point_id = appointment_slot.point_id AND c.day = (starts_at + interval '8 hours')::date)
      ORDER BY starts_at`;
  }

  async book(
    slotId: string,
    ownerSub: string,
    maxLive: number,
    applicationNo: string | null = null,
  ): Promise<BookingOutcome> {
    return this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('appointment:' || ${ownerSub}))`;
      const live = await tx.appointment.count({
        where: { ownerSub, status: 'BOOKED', slot: { startsAt: { gt: new Date() } } },
      });
      if (live >= maxLive) return { kind: 'limit' as const };
      const taken = await tx.$executeRaw`
        UPDATE appointment_slot SET booked = booked + 1
        WHERE id = ${slotId} AND booked < capacity AND starts_at > now()
          AND NOT EXISTS (SELECT 1 FROM registration_point_closure c
            WHERE c.point_id = appointment_slot.point_id AND c.day = (starts_at + interval '8 hours')::date)`;
      if (taken === 0) {
        const exists = await tx.appointmentSlot.count({ where: { id: slotId } });
        return exists ? { kind: 'full' as const } : { kind: 'no-such-slot' as const };
      }
      const appointmentId = randomUUID();
      await tx.appointment.create({
        data: { id: appointmentId, slotId, ownerSub, status: 'BOOKED', applicationNo },
      });
      return { kind: 'booked' as const, appointmentId };
    });
  }

  /** Cancels an owner's booking and frees its place; false when there is no such booking. */
  async cancel(appointmentId: string, ownerSub: string): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const cancelled = await tx.appointment.updateMany({
        where: { id: appointmentId, ownerSub, status: 'BOOKED' },
        data: { status: 'CANCELLED', cancelledAt: new Date() },
      });
      if (cancelled.count === 0) return false;
      const appointment = await tx.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
      await tx.$executeRaw`UPDATE appointment_slot SET booked = booked - 1 WHERE id = ${appointment.slotId}`;
      return true;
    });
  }

  listOwnedBy(ownerSub: string) {
    return this.db.appointment.findMany({
      where: { ownerSub },
      orderBy: { createdAt: 'desc' },
      include: { slot: { include: { point: true } } },
    });
  }

  /** A point's bookings, by slot time, optionally of one day (from–to), slot or status. */
  async atPoint(
    pointId: string,
    filter: { from?: Date; to?: Date; slotId?: string; status?: AppointmentStatus },
    page: { offset: number; limit: number },
  ) {
    const where: Prisma.AppointmentWhereInput = {
      slot: {
        pointId,
        ...(filter.from && filter.to && { startsAt: { gte: filter.from, lt: filter.to } }),
      },
      ...(filter.slotId && { slotId: filter.slotId }),
      ...(filter.status && { status: filter.status }),
    };
    const [rows, total] = await Promise.all([
      this.db.appointment.findMany({
        where,
        include: { slot: true },
        orderBy: [{ slot: { startsAt: 'asc' } }, { createdAt: 'asc' }, { id: 'asc' }],
        skip: page.offset,
        take: page.limit,
      }),
      this.db.appointment.count({ where }),
    ]);
    return { rows, total };
  }

  /**
   * Staff mark a booking of their point: attended, no-show, or cancelled (which frees its place).
   * Only a BOOKED appointment changes, once; the conditional update settles concurrent marks.
   */
  async handle(
    appointmentId: string,
    pointId: string,
    change: { status: 'ATTENDED' | 'NO_SHOW' | 'CANCELLED'; by: string; applicationNo?: string },
  ): Promise<
    | { kind: 'done'; applicationNo: string | null }
    | { kind: 'not-found' }
    | { kind: 'not-open'; status: string }
  > {
    return this.db.$transaction(async (tx) => {
      const now = new Date();
      const changed = await tx.appointment.updateMany({
        where: { id: appointmentId, status: 'BOOKED', slot: { pointId } },
        data: {
          status: change.status,
          handledBy: change.by,
          handledAt: now,
          ...(change.status === 'CANCELLED' && { cancelledAt: now }),
          ...(change.applicationNo && { applicationNo: change.applicationNo }),
        },
      });
      const row = await tx.appointment.findFirst({
        where: { id: appointmentId, slot: { pointId } },
      });
      if (!row) return { kind: 'not-found' as const };
      if (changed.count === 0) return { kind: 'not-open' as const, status: row.status };
      if (change.status === 'CANCELLED')
        await tx.$executeRaw`UPDATE appointment_slot SET booked = booked - 1 WHERE id = ${row.slotId}`;
      return { kind: 'done' as const, applicationNo: row.applicationNo };
    });
  }
}
