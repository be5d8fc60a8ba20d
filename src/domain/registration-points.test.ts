import {
  chinaDay,
  daysBetween,
  openingHoursSchema,
  slotsWithin,
  weekdayOf,
} from './registration-points';

describe('registration points: opening hours and slots', () => {
  const weekdays = [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, opens: '08:30', closes: '12:00' },
    { weekday, opens: '14:30', closes: '17:30' },
  ]);

  it('reads weekdays and days in China time', () => {
    expect(weekdayOf('2026-06-01')).toBe(1); // a Monday
    expect(weekdayOf('2026-06-07')).toBe(7);
    expect(daysBetween('2026-06-30', '2026-07-02')).toEqual([
      '2026-06-30',
      '2026-07-01',
      '2026-07-02',
    ]);
    expect(chinaDay(new Date('2026-06-01T16:30:00Z'))).toBe('2026-06-02');
  });

  it('cuts whole slots from each open day, skipping weekends and closures', () => {
    const slots = slotsWithin(
      weekdays,
      new Set(['2026-06-02']),
      { from: '2026-06-01', to: '2026-06-07' },
      60,
    );
    // Mon, Wed, Thu, Fri open: 08:30–11:30 (3 whole hours) and 14:30–17:30 (3) each.
    expect(slots).toHaveLength(4 * 6);
    expect(slots[0]!.startsAt.toISOString()).toBe('2026-06-01T00:30:00.000Z');
    expect(slots[3]!.startsAt.toISOString()).toBe('2026-06-01T06:30:00.000Z');
    expect(slots.some((s) => chinaDay(s.startsAt) === '2026-06-02')).toBe(false);
    expect(slots.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 3_600_000)).toBe(true);
  });

  it('refuses a period that closes before it opens, or overlaps another of its day', () => {
    expect(openingHoursSchema.safeParse(weekdays).success).toBe(true);
    expect(
      openingHoursSchema.safeParse([{ weekday: 1, opens: '12:00', closes: '08:00' }]).success,
    ).toBe(false);
    expect(
      openingHoursSchema.safeParse([
        { weekday: 1, opens: '08:00', closes: '12:00' },
        { weekday: 1, opens: '11:00', closes: '13:00' },
      ]).success,
    ).toBe(false);
    expect(
      openingHoursSchema.safeParse([{ weekday: 8, opens: '08:00', closes: '12:00' }]).success,
    ).toBe(false);
  });
});
