import { z } from 'zod';

/*
 * A registration point's week and its bookable slots (issue 14). Times are China time (UTC+8, no
 * daylight saving): opening hours are what the point posts on its door; days are calendar days
 * there. Slots are cut from the opening hours of each open day.
 */

const CHINA_OFFSET = '+08:00';
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
  .describe('HH:MM, China time');

/** One opening period of a weekday (1 Monday … 7 Sunday); a day may have several. */
export const openingPeriodSchema = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  opens: clock,
  closes: clock,
});
export type OpeningPeriod = z.infer<typeof openingPeriodSchema>;

/** A week's opening hours: each period closes after it opens, and no two overlap. */
export const openingHoursSchema = z
  .array(openingPeriodSchema)
  .max(21)
  .superRefine((periods, ctx) => {
    periods.forEach((p, i) => {
      if (p.closes <= p.opens)
        ctx.addIssue({ code: 'custom', path: [i, 'closes'], message: 'closes after it opens' });
      const overlapping = periods.findIndex(
        (q, j) => j < i && q.weekday === p.weekday && q.opens < p.closes && p.opens < q.closes,
      );
      if (overlapping >= 0)
        ctx.addIssue({ code: 'custom', path: [i], message: `overlaps period ${overlapping}` });
    });
  });

/** The ISO weekday (1 Monday … 7 Sunday) of a calendar day `YYYY-MM-DD`. */
export function weekdayOf(day: string): number {
  const sunday0 = new Date(`${day}T12:00:00Z`).getUTCDay();
  return sunday0 === 0 ? 7 : sunday0;
}

/** The calendar days from one to another, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** The instant a China-time clock reading on a day names. */
export function chinaTime(day: string, time: string): Date {
  return new Date(`${day}T${time}:00${CHINA_OFFSET}`);
}

/** The China calendar day of an instant. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface SlotTime {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/**
 * The slots of whole `minutes` inside the opening hours of each day from `from` to `to` that is
 * not closed; a period's remainder shorter than a slot is not offered.
 */
export function slotsWithin(
  hours: readonly OpeningPeriod[],
  closedDays: ReadonlySet<string>,
  range: { readonly from: string; readonly to: string },
  minutes: number,
): SlotTime[] {
  const slots: SlotTime[] = [];
  for (const day of daysBetween(range.from, range.to)) {
    if (closedDays.has(day)) continue;
    const periods = hours
      .filter((p) => p.weekday === weekdayOf(day))
      .sort((a, b) => a.opens.localeCompare(b.opens));
    for (const period of periods) {
      const closes = chinaTime(day, period.closes).getTime();
      for (
        let start = chinaTime(day, period.opens).getTime();
        start + minutes * MINUTE_MS <= closes;
        start += minutes * MINUTE_MS
      )
        slots.push({ startsAt: new Date(start), endsAt: new Date(start + minutes * MINUTE_MS) });
    }
  }
  return slots;
}
