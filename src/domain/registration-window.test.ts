import fc from 'fast-check';
import { beijingTime, windowRefusalText, windowVerdict } from './registration-window';

const window = {
  opensAt: new Date('2026-05-01T00:00:00Z'),
  closesAt: new Date('2026-05-31T10:00:00Z'),
};
const family = { byStaff: false, reason: undefined };
const staffWithReason = { byStaff: true, reason: '家长住院,逾期到报名点补报' };

describe('the registration window at submission', () => {
  it('accepts anyone inside the window, from its opening up to its close', () => {
    expect(windowVerdict(window, window.opensAt, 'refuse', family)).toEqual({ kind: 'ACCEPT' });
    expect(
      windowVerdict(window, new Date(window.closesAt.getTime() - 1), 'refuse', family),
    ).toEqual({ kind: 'ACCEPT' });
  });

  it('refuses everyone before it opens, staff with a reason too', () => {
    const early = new Date(window.opensAt.getTime() - 1);
    for (const late of [family, staffWithReason])
      expect(windowVerdict(window, early, 'accept', late)).toMatchObject({
        kind: 'REFUSE',
        code: 'REGISTRATION_NOT_OPEN',
      });
  });

  it('after it closes, lets in only staff with a reason (a late entry), refuses the rest', () => {
    const at = window.closesAt;
    expect(windowVerdict(window, at, 'accept', staffWithReason)).toEqual({
      kind: 'LATE_ENTRY',
      window,
    });
    for (const late of [
      family,
      { byStaff: true, reason: undefined },
      { byStaff: true, reason: '  ' },
      { byStaff: false, reason: '理由' },
    ])
      expect(windowVerdict(window, at, 'accept', late)).toMatchObject({
        kind: 'REFUSE',
        code: 'REGISTRATION_CLOSED',
      });
  });

  it('treats a county without a window as the setting says', () => {
    const now = new Date();
    expect(windowVerdict(null, now, 'accept', family)).toEqual({ kind: 'ACCEPT' });
    expect(windowVerdict(null, now, 'refuse', staffWithReason)).toEqual({
      kind: 'REFUSE',
      code: 'NO_REGISTRATION_WINDOW',
      window: null,
    });
  });

  it('accepts a family exactly when the moment is inside the window', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }),
        (now) => {
          const inside = now >= window.opensAt && now < window.closesAt;
          expect(windowVerdict(window, now, 'refuse', family).kind === 'ACCEPT').toBe(inside);
        },
      ),
    );
  });

  it('names the dates in Beijing time in both languages', () => {
    expect(beijingTime(window.closesAt)).toBe('2026-05-31 18:00');
    const text = windowRefusalText('REGISTRATION_CLOSED', window);
    expect(text.zh).toContain('北京时间 2026-05-01 08:00 至 2026-05-31 18:00');
    expect(text.en).toContain('from 2026-05-01 08:00 to 2026-05-31 18:00 (Beijing time)');
  });
});
