/**
 * When a county takes applications for a stage and season (DESIGN.md §4): inside its window
 * anyone may submit; after it closes only registration-point staff, with a reason (a late entry,
 * audited); before it opens, or for a county without a window when the service refuses those,
 * no one. Pure: the submission service supplies the window, the time and the setting.
 */
export interface RegistrationWindow {
  readonly opensAt: Date;
  readonly closesAt: Date;
}

/** What a county without a window does: `refuse` everything, or `accept` as if always open. */
export type WithoutWindow = 'accept' | 'refuse';

export type WindowRefusal =
  'REGISTRATION_NOT_OPEN' | 'REGISTRATION_CLOSED' | 'NO_REGISTRATION_WINDOW';

export type WindowVerdict =
  | { readonly kind: 'ACCEPT' }
  | { readonly kind: 'LATE_ENTRY'; readonly window: RegistrationWindow }
  | {
      readonly kind: 'REFUSE';
      readonly code: WindowRefusal;
      readonly window: RegistrationWindow | null;
    };

export function windowVerdict(
  window: RegistrationWindow | null,
  now: Date,
  withoutWindow: WithoutWindow,
  late: { readonly byStaff: boolean; readonly reason: string | undefined },
): WindowVerdict {
  if (!window)
    return withoutWindow === 'accept'
      ? { kind: 'ACCEPT' }
      : { kind: 'REFUSE', code: 'NO_REGISTRATION_WINDOW', window: null };
  if (now < window.opensAt) return { kind: 'REFUSE', code: 'REGISTRATION_NOT_OPEN', window };
  if (now < window.closesAt) return { kind: 'ACCEPT' };
  return late.byStaff && late.reason?.trim()
    ? { kind: 'LATE_ENTRY', window }
    : { kind: 'REFUSE', code: 'REGISTRATION_CLOSED', window };
}

/** A moment as families read it: Beijing time (UTC+8), to the minute. */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** What the refusal says, in both languages, with the window's dates where there is one. */
export function windowRefusalText(
  code: WindowRefusal,
  window: RegistrationWindow | null,
): { readonly zh: string; readonly en: string } {
  const from = window ? beijingTime(window.opensAt) : '';
  const to = window ? beijingTime(window.closesAt) : '';
  switch (code) {
    case 'REGISTRATION_NOT_OPEN':
      return {
        zh: `报名尚未开始:本县(市、区)该学段报名时间为北京时间 ${from} 至 ${to}。`,
        en: `Registration has not opened: it runs from ${from} to ${to} (Beijing time).`,
      };
    case 'REGISTRATION_CLOSED':
      return {
        zh: `报名已截止:本县(市、区)该学段报名时间为北京时间 ${from} 至 ${to}。逾期报名请到报名点办理。`,
        en: `Registration has closed: it ran from ${from} to ${to} (Beijing time). Late entries are made at a registration point.`,
      };
    case 'NO_REGISTRATION_WINDOW':
      return {
        zh: '本县(市、区)尚未公布该学段的报名时间,暂不受理报名。',
        en: 'The county has not published a registration window for this stage and season; no applications are taken yet.',
      };
  }
}
