import {
  notVerifiableOnlineReason,
  offlineCheckReason,
  supplementExpiredReason,
  supplementProvidedReason,
  supplementRequestedReason,
} from './timeline-reasons';

// The exact words matter: they are on recorded timelines and in families' notices.
describe('timeline reasons', () => {
  it('lists a supplement request with its note and deadline', () => {
    const deadline = '2026-07-01T00:00:00.000Z';
    expect(supplementRequestedReason({ items: ['HUKOU_BOOKLET', 'OTHER'], deadline })).toBe(
      `HUKOU_BOOKLET, OTHER (by ${deadline})`,
    );
    expect(supplementRequestedReason({ items: ['OTHER'], note: 'a lease', deadline })).toBe(
      `OTHER: a lease (by ${deadline})`,
    );
    expect(supplementExpiredReason(deadline)).toBe(
      `The supplement was not provided by ${deadline}.`,
    );
  });

  it('lists what the family provided', () => {
    expect(
      supplementProvidedReason({ items: [{ item: 'HUKOU_BOOKLET' }, { item: 'OTHER' }] }),
    ).toBe('Supplement provided: HUKOU_BOOKLET, OTHER');
  });

  it('says where, by whom and what was seen at an offline check', () => {
    const seen = { registrationPointId: 'RP1', staffId: 'S1', itemsSeen: ['HUKOU_BOOKLET'] };
    expect(offlineCheckReason({ ...seen, outcome: 'VERIFIED' })).toBe(
      'Offline check VERIFIED at RP1 by S1: HUKOU_BOOKLET',
    );
    expect(offlineCheckReason({ ...seen, outcome: 'NOT_VERIFIED', note: 'copy only' })).toBe(
      'Offline check NOT_VERIFIED at RP1 by S1: HUKOU_BOOKLET (copy only)',
    );
  });

  it('names the checks that could not be made online', () => {
    expect(notVerifiableOnlineReason(['IDENTITY', 'PROPERTY'])).toBe(
      'Not verifiable online (IDENTITY, PROPERTY); documents will be checked in person.',
    );
  });
});
