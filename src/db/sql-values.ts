import { Prisma } from '../generated/prisma/client';

/** A value for a JSON column in a raw statement, as Prisma would store it. */
export function jsonb(value: unknown): Prisma.Sql {
  return Prisma.sql`${JSON.stringify(value)}::jsonb`;
}

/**
 * An instant for a DateTime column in a raw statement. Prisma keeps those columns as UTC wall
 * time: the instant is converted here, whatever the zone of the process or the session.
 */
export function utcTimestamp(at: Date | string): Prisma.Sql {
  const iso = typeof at === 'string' ? at : at.toISOString();
  return Prisma.sql`(${iso}::timestamptz AT TIME ZONE 'UTC')`;
}
