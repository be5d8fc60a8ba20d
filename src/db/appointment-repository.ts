import { randomUUID } from 'node:crypto';
import type { Db } from './prisma-client';

export type BookingOutcome =
  | { readonly kind: 'booked'; readonly appointmentId: string }
  | { readonly kind: 'full' }
  | { readonly kind: 'limit' }
  | { readonly kind: 'no-such-slot' };

/**
 * Appointment slots at registration points (预约快办). A booking takes a place with one
 * conditional UPDATE, so concurrent bookings can never exceed a slot's capacity; the table's
 * CHECK constraint holds the same line in the database. A family's upcoming bookings are counted
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
      ORDER BY starts_at`;
  }

  async book(slotId: string, ownerSub: string, maxLive: number): Promise<BookingOutcome> {
    return this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('appointment:' || ${ownerSub}))`;
      const live = await tx.appointment.count({
        where: { ownerSub, status: 'BOOKED', slot: { startsAt: { gt: new Date() } } },
      });
      if (live >= maxLive) return { kind: 'limit' as const };
      const taken = await tx.$executeRaw`
        UPDATE appointment_slot SET booked = booked + 1
        WHERE id = ${slotId} AND booked < capacity AND starts_at > now()`;
      if (taken === 0) {
        const exists = await tx.appointmentSlot.count({ where: { id: slotId } });
        return exists ? { kind: 'full' as const } : { kind: 'no-such-slot' as const };
      }
      const appointmentId = randomUUID();
      await tx.appointment.create({
        data: { id: appointmentId, slotId, ownerSub, status: 'BOOKED' },
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
}
