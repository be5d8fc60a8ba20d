import { ClaimAttemptsExceededError, BookingNotOpenError } from './claim-errors';
import * as claims from './claim-errors';
import * as catalogue from './errors';
import { DomainError, type DomainErrorKind } from './errors';
import * as limits from './limit-errors';

/**
 * Every refusal the domain names, as a person and a client read it: a kind the API maps to a
 * status, a stable code, a message in English and one in Chinese that each say the figures and
 * names the caller needs (a limit, a wait, a state, an action), the problem document's extra
 * members, and the cause kept for the logs. One row per refusal, and a refusal without a row fails.
 */
const KINDS: readonly DomainErrorKind[] = [
  'NOT_FOUND',
  'CONFLICT',
  'INVALID',
  'UNPROCESSABLE',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'TOO_LARGE',
  'TOO_MANY_REQUESTS',
];
const CJK = /[\u4e00-\u9fff]/;
const cause = new Error('underlying');
const window = {
  opensAt: new Date('2027-07-01T00:00:00Z'),
  closesAt: new Date('2027-07-10T10:00:00Z'),
};

interface Row {
  readonly error: DomainError;
  readonly kind: DomainErrorKind;
  readonly details: Record<string, unknown>;
  /** What both messages must say (the caller's figures and names). */
  readonly says?: readonly string[];
  readonly en?: RegExp;
  readonly zh?: RegExp;
}

const ROWS: readonly Row[] = [
  {
    error: new catalogue.ApplicationNotFoundError('GX-A-17', { cause }),
    kind: 'NOT_FOUND',
    details: {},
    says: ['GX-A-17'],
  },
  {
    error: new catalogue.DuplicateApplicationError('GX-A-23'),
    kind: 'CONFLICT',
    details: { existingApplicationNo: 'GX-A-23' },
    says: ['GX-A-23'],
  },
  {
    error: new catalogue.DuplicateApplicationError(null),
    kind: 'CONFLICT',
    details: { contestAt: '/registration-points' },
    en: /registration point/,
    zh: /报名点/,
  },
  {
    error: new catalogue.NotTheGuardianError(),
    kind: 'FORBIDDEN',
    details: {},
    en: /guardian/,
    zh: /监护人/,
  },
  {
    error: new catalogue.LiveCaseLimitError(3),
    kind: 'CONFLICT',
    details: { limit: 3 },
    says: ['3'],
  },
  {
    error: new catalogue.InvalidTransitionError('WITHDRAW', 'ADMITTED', { cause }),
    kind: 'CONFLICT',
    details: { action: 'WITHDRAW', currentStatus: 'ADMITTED' },
    says: ['WITHDRAW', 'ADMITTED'],
  },
  {
    error: new catalogue.AppealWindowClosedError('NOT_ADMITTED'),
    kind: 'CONFLICT',
    details: { action: 'APPEAL', currentStatus: 'NOT_ADMITTED' },
    en: /appeal/,
    zh: /复核/,
  },
  {
    error: new catalogue.UnauthenticatedError({ cause }),
    kind: 'UNAUTHENTICATED',
    details: {},
    en: /Sign-in/,
    zh: /登录/,
  },
  {
    error: new catalogue.ForbiddenError('another county'),
    kind: 'FORBIDDEN',
    details: {},
    en: /another county/,
    zh: /无权/,
  },
  {
    error: new catalogue.SeparationOfDutiesError('own case'),
    kind: 'FORBIDDEN',
    details: { problem: 'own case' },
    en: /own case/,
    zh: /approvalId/,
  },
  {
    error: new catalogue.UnmaskedReadForbiddenError('REVIEWER'),
    kind: 'FORBIDDEN',
    details: {},
    en: /REVIEWER/,
    zh: /unmasked=true/,
  },
  {
    error: new catalogue.RuleViolationError([
      { path: 'child.name', code: 'R', message_zh: '中', message_en: 'e' },
    ]),
    kind: 'INVALID',
    details: { violations: [{ path: 'child.name', code: 'R', message_zh: '中', message_en: 'e' }] },
    says: ['violations'],
  },
  {
    error: new catalogue.IdempotencyKeyReusedError(),
    kind: 'UNPROCESSABLE',
    details: {},
    says: ['Idempotency-Key'],
  },
  {
    error: new catalogue.RequestInProgressError(),
    kind: 'CONFLICT',
    details: {},
    en: /Idempotency-Key/,
    zh: /幂等键/,
  },
  {
    error: new catalogue.SlotFullError('slot-9'),
    kind: 'CONFLICT',
    details: {},
    en: /fully booked/,
    zh: /约满/,
  },
  {
    error: new catalogue.NotFoundError('appointment'),
    kind: 'NOT_FOUND',
    details: {},
    en: /No such appointment\./,
    zh: /^未找到该预约。$/,
  },
  {
    error: new catalogue.NotFoundError('appointment slot'),
    kind: 'NOT_FOUND',
    details: {},
    en: /appointment slot/,
    zh: /^未找到该预约时段。$/,
  },
  {
    error: new catalogue.NotFoundError('school'),
    kind: 'NOT_FOUND',
    details: {},
    en: /school/,
    zh: /^未找到该记录。$/,
  },
  {
    error: new catalogue.DuplicateRoundError('450702', 'PRIMARY', 2027),
    kind: 'CONFLICT',
    details: {},
    says: ['450702', 'PRIMARY', '2027'],
  },
  {
    error: new catalogue.EarlierRoundOpenError('round-1'),
    kind: 'CONFLICT',
    details: { roundId: 'round-1' },
    says: ['round-1'],
  },
  {
    error: new catalogue.RegistrationOpenError('2027-07-10'),
    kind: 'CONFLICT',
    details: { closesAt: '2027-07-10' },
    says: ['2027-07-10'],
  },
  {
    error: new catalogue.RegistrationWindowError('REGISTRATION_CLOSED', window),
    kind: 'CONFLICT',
    details: { opensAt: '2027-07-01T00:00:00.000Z', closesAt: '2027-07-10T10:00:00.000Z' },
  },
  {
    error: new catalogue.RegistrationWindowError('NO_REGISTRATION_WINDOW', null),
    kind: 'CONFLICT',
    details: {},
  },
  {
    error: new catalogue.NothingToRetryError('GX-A-31'),
    kind: 'CONFLICT',
    details: {},
    says: ['GX-A-31'],
  },
  {
    error: new catalogue.RepairRefusedError('RESET', 'a newer run is open', { cause }),
    kind: 'CONFLICT',
    details: { action: 'RESET', reason: 'a newer run is open' },
    says: ['RESET', 'a newer run is open'],
  },
  {
    error: new limits.TooManyRequestsError(41),
    kind: 'TOO_MANY_REQUESTS',
    details: { retryAfterSeconds: 41 },
    says: ['41'],
  },
  {
    error: new limits.AtCapacityError(7),
    kind: 'TOO_MANY_REQUESTS',
    details: { rule: 'VERIFICATION_BACKLOG', retryAfterSeconds: 7 },
    says: ['7'],
  },
  {
    error: new limits.AtCapacityError(2, 'SUBMISSIONS_IN_FLIGHT'),
    kind: 'TOO_MANY_REQUESTS',
    details: { rule: 'SUBMISSIONS_IN_FLIGHT', retryAfterSeconds: 2 },
    says: ['2'],
  },
  {
    error: new limits.UploadNotOpenError('APPROVED'),
    kind: 'CONFLICT',
    details: { rule: 'UPLOAD_ONLY_WHILE_SUPPLEMENT_REQUESTED', currentStatus: 'APPROVED' },
    en: /NEEDS_SUPPLEMENT/,
    zh: /补充材料/,
  },
  {
    error: new limits.AttachmentTooLargeError(5242880),
    kind: 'TOO_LARGE',
    details: { rule: 'ATTACHMENT_SIZE', maxBytes: 5242880 },
    says: ['5242880'],
  },
  {
    error: new limits.UploadQuotaError({ maxFiles: 11, maxBytes: 9000 }),
    kind: 'CONFLICT',
    details: { rule: 'UPLOAD_QUOTA_PER_CASE', maxFiles: 11, maxBytes: 9000 },
    says: ['11', '9000'],
  },
  {
    error: new limits.BookingLimitError(2),
    kind: 'CONFLICT',
    details: { rule: 'LIVE_BOOKINGS_PER_FAMILY', maxLiveBookings: 2 },
    says: ['2'],
  },
  {
    error: new claims.ClaimCodeInvalidError(),
    kind: 'UNPROCESSABLE',
    details: {},
    en: /not valid.*receipt/,
    zh: /无效.*回执/,
  },
  {
    error: new claims.ClaimCodeUsedError(),
    kind: 'CONFLICT',
    details: {},
    en: /receipt|registration point/,
    zh: /报名点/,
  },
  {
    error: new claims.ClaimCodeExpiredError(),
    kind: 'UNPROCESSABLE',
    details: {},
    en: /registration point/,
    zh: /报名点/,
  },
  {
    error: new ClaimAttemptsExceededError(5, 600),
    kind: 'TOO_MANY_REQUESTS',
    details: { limit: 5, retryAfterSeconds: 600 },
    says: ['5', '600'],
  },
  {
    error: new claims.CaseAlreadyClaimedError(),
    kind: 'CONFLICT',
    details: {},
    en: /already claimed/,
    zh: /已由家庭认领/,
  },
  {
    error: new claims.CapacityBelowBookingsError(4),
    kind: 'CONFLICT',
    details: { booked: 4 },
    says: ['4'],
  },
  {
    error: new claims.BookingsExistError(6),
    kind: 'CONFLICT',
    details: { booked: 6 },
    says: ['6'],
  },
  {
    error: new BookingNotOpenError('CANCELLED'),
    kind: 'CONFLICT',
    details: { currentStatus: 'CANCELLED' },
    says: ['CANCELLED'],
  },
];

describe.each(ROWS.map((row) => [`${row.error.name} (${row.error.code})`, row] as const))(
  '%s',
  (_, row) => {
    const { error } = row;
    it('has its kind, a stable code and its name', () => {
      expect(error).toBeInstanceOf(DomainError);
      expect(error.kind).toBe(row.kind);
      expect(KINDS).toContain(error.kind);
      expect(error.code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
      expect(error.name).toMatch(/Error$/);
      expect(error.name).toBe(error.constructor.name);
    });

    it('tells the caller in English and in Chinese', () => {
      expect(error.message.length).toBeGreaterThan(10);
      expect(error.message).not.toMatch(CJK);
      expect(error.messageZh).toMatch(CJK);
      for (const said of row.says ?? []) {
        expect(error.message).toContain(said);
        expect(error.messageZh).toContain(said);
      }
      if (row.en) expect(error.message).toMatch(row.en);
      if (row.zh) expect(error.messageZh).toMatch(row.zh);
    });

    it('adds what the problem document carries', () => {
      expect(error.details()).toEqual(row.details);
    });
  },
);

describe('the catalogue', () => {
  it('has a row for every refusal it exports, each code meaning one refusal', () => {
    const exported = [catalogue, limits, claims].flatMap((module) =>
      Object.values(module).filter(
        (value): value is abstract new (...args: never[]) => DomainError =>
          typeof value === 'function' && value.prototype instanceof DomainError,
      ),
    );
    const named = new Set(ROWS.map((row) => row.error.constructor));
    const abstract = new Set<unknown>([limits.LimitRefusal]);
    expect(exported.filter((type) => !abstract.has(type) && !named.has(type))).toEqual([]);
    const codeOwner = new Map<string, unknown>();
    for (const { error } of ROWS) {
      expect(codeOwner.get(error.code) ?? error.constructor).toBe(error.constructor);
      codeOwner.set(error.code, error.constructor);
    }
  });

  it('keeps the cause it was given, for the logs', () => {
    expect(new catalogue.ApplicationNotFoundError('X', { cause }).cause).toBe(cause);
    expect(new catalogue.InvalidTransitionError('A', 'B', { cause }).cause).toBe(cause);
    expect(new catalogue.RepairRefusedError('A', 'r', { cause }).cause).toBe(cause);
    expect(new catalogue.UnauthenticatedError({ cause }).cause).toBe(cause);
  });
});
