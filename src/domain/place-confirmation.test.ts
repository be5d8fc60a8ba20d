import {
  deadlineAfter,
  mayBeOffered,
  offerId,
  placeForFamily,
  placeHeld,
  releaseId,
  untakenRoundPlace,
  type OfferRecord,
  type PlaceRecord,
} from './place-confirmation';

const place = (state: PlaceRecord['state']): PlaceRecord => ({
  roundId: 'R1',
  schoolId: 'S1',
  schoolName: '桃源路小学',
  state,
  deadline: '2026-07-10T02:00:00.000Z',
  answeredAt: null,
  via: 'ROUND',
});

const offer = (answer: OfferRecord['answer']): OfferRecord => ({
  id: offerId('R1/S2/A1', 3),
  roundId: 'R1',
  schoolId: 'S2',
  schoolName: '凤翔路小学',
  releaseId: 'R1/S2/A1',
  position: 3,
  deadline: '2026-07-12T10:30:00.000Z',
  answer,
  answeredAt: null,
});

describe('who may be offered a released place', () => {
  it('takes the unplaced, and the placed whose place is not yet confirmed', () => {
    expect(mayBeOffered('NOT_ADMITTED', null, null)).toBe(true);
    expect(mayBeOffered('ADMITTED', place('AWAITING_CONFIRMATION'), null)).toBe(true);
    expect(mayBeOffered('ASSIGNED_BY_BUREAU', place('AWAITING_CONFIRMATION'), null)).toBe(true);
  });

  it('refuses a confirmed place, a place given up, other statuses and a family holding an open offer', () => {
    expect(mayBeOffered('ADMITTED', place('CONFIRMED'), null)).toBe(false);
    expect(mayBeOffered('ADMITTED', null, null)).toBe(false);
    expect(mayBeOffered('DECLINED', place('DECLINED'), null)).toBe(false);
    expect(mayBeOffered('LAPSED', place('LAPSED'), null)).toBe(false);
    for (const status of ['APPROVED', 'AWAITING_REVIEW', 'WITHDRAWN', 'CANCELLED'] as const)
      expect(mayBeOffered(status, null, null)).toBe(false);
    expect(mayBeOffered('NOT_ADMITTED', null, offer(null))).toBe(false);
    expect(mayBeOffered('NOT_ADMITTED', null, offer('DECLINED'))).toBe(true);
  });
});

describe('ids and deadlines', () => {
  it('names a release by round, school and family, and an offer by release and position', () => {
    expect(releaseId({ roundId: 'R1', schoolId: 'S1', applicationNo: 'A9' })).toBe('R1/S1/A9');
    expect(offerId('R1/S1/A9', 0)).toBe('R1/S1/A9#0');
  });

  it('counts a deadline from the moment given', () => {
    expect(deadlineAfter('2026-07-01T00:00:00.000Z', 3 * 86_400_000)).toBe(
      '2026-07-04T00:00:00.000Z',
    );
  });
});

describe('what the family reads', () => {
  it('says what to do by when, in Beijing time, Chinese first', () => {
    const { place: p } = placeForFamily(place('AWAITING_CONFIRMATION'), null);
    expect(p?.text.zh).toBe(
      '请于 2026-07-10 10:00(北京时间)前确认是否到桃源路小学报到,逾期视为放弃。',
    );
    expect(p?.text.en).toContain('by 2026-07-10 10:00 (Beijing time)');
  });

  it('shows an open offer only, without its answer fields', () => {
    expect(placeForFamily(null, offer('DECLINED')).offer).toBeNull();
    const open = placeForFamily(null, offer(null)).offer;
    expect(open).toMatchObject({ schoolId: 'S2', position: 3 });
    expect(open).not.toHaveProperty('answer');
    expect(open?.text.zh).toContain('2026-07-12 18:30');
  });

  it('names each state of the place', () => {
    for (const [state, words] of [
      ['CONFIRMED', '已确认'],
      ['DECLINED', '已放弃'],
      ['LAPSED', '已失效'],
    ] as const)
      expect(placeForFamily(place(state), null).place?.text.zh).toContain(words);
  });

  it('holds a place awaiting confirmation or confirmed, not one given up', () => {
    expect(placeHeld(place('AWAITING_CONFIRMATION'))).toBe(true);
    expect(placeHeld(place('CONFIRMED'))).toBe(true);
    expect(placeHeld(place('DECLINED'))).toBe(false);
    expect(placeHeld(place('LAPSED'))).toBe(false);
    expect(placeHeld(null)).toBe(false);
  });

  it('says a place kept after an accepted appeal may still move to a better choice', () => {
    const kept = placeForFamily({ ...place('AWAITING_CONFIRMATION'), reconsider: true }, null);
    expect(kept.place?.text.zh).toMatch(/^请于 .*逾期视为放弃。复核后,下一轮补录/);
    expect(kept.place?.text.en).toContain('otherwise the place at 桃源路小学 is kept');
    // A place given up is not kept for anything.
    const gone = placeForFamily({ ...place('DECLINED'), reconsider: true }, null);
    expect(gone.place?.text.zh).not.toContain('复核');
  });
});

describe('a round’s place that a case cannot take goes back to its school', () => {
  const taken: PlaceRecord = { ...place('CONFIRMED'), via: 'OFFER' };

  it('as a move when the case already took a place through an offer', () => {
    expect(untakenRoundPlace(taken, 'ADMITTED', 'S3')).toBe('MOVED');
    expect(untakenRoundPlace(taken, 'ADMITTED', taken.schoolId)).toBe('MOVED');
  });

  it('as not taken when the case left the statuses that wait for a round since the freeze', () => {
    for (const status of ['WITHDRAWN', 'CANCELLED', 'AWAITING_REVIEW', 'REJECTED'] as const)
      expect(untakenRoundPlace(null, status, 'S3')).toBe('NOT_TAKEN');
  });

  it('stays with the case otherwise: a case waiting for the round, or no placement in the result', () => {
    for (const status of ['APPROVED', 'NOT_ADMITTED'] as const) {
      expect(untakenRoundPlace(null, status, 'S3')).toBeNull();
      expect(untakenRoundPlace(place('AWAITING_CONFIRMATION'), status, 'S3')).toBeNull();
      expect(untakenRoundPlace({ ...place('CONFIRMED'), via: 'ROUND' }, status, 'S3')).toBeNull();
    }
    expect(untakenRoundPlace(taken, 'ADMITTED', null)).toBeNull();
    expect(untakenRoundPlace(null, 'WITHDRAWN', null)).toBeNull();
  });
});
