import {
  confirmedFactsText,
  CONSENT_WITHDRAWN_REASON,
  notVerifiableOnlineReason,
  offlineCheckReason,
  reassessedReason,
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

  it('names each confirmed fact with its category, and a withdrawn one as withdrawn', () => {
    expect(
      confirmedFactsText([
        { fact: 'PROPERTY', category: 'SOLE_OWNER' },
        { fact: 'SOCIAL_INSURANCE', confirmed: true },
        { fact: 'RESIDENCE', confirmed: false },
      ]),
    ).toBe('PROPERTY (SOLE_OWNER), SOCIAL_INSURANCE, RESIDENCE withdrawn');
    expect(confirmedFactsText([])).toBe('');
  });

  it('says a first assessment’s standing and every school’s tier', () => {
    const after = {
      eligible: true,
      tiers: [{ schoolId: 'P1', tier: 1, predicate: 'hukou-and-property' }],
      notes: [],
    };
    expect(reassessedReason(1, 'submission', null, after)).toBe(
      'Re-assessed (version 1) after submission: eligible; P1 tier – → 1 (hukou-and-property)',
    );
  });

  it('names only what moved when a case is assessed again', () => {
    const before = {
      eligible: true,
      tiers: [
        { schoolId: 'P1', tier: 1 },
        { schoolId: 'P2', tier: 2 },
      ],
      notes: [],
    };
    const moved = {
      ...before,
      tiers: [
        { schoolId: 'P1', tier: 1 },
        { schoolId: 'P2', tier: 3 },
      ],
    };
    expect(reassessedReason(2, 'a policy change', before, moved)).toBe(
      'Re-assessed (version 2) after a policy change: P2 tier 2 → 3',
    );
    expect(reassessedReason(3, 'a correction', before, before)).toBe(
      'Re-assessed (version 3) after a correction: no change',
    );
    const ineligible = { eligible: false, tiers: before.tiers, notes: ['AGE', 'RESIDENCE'] };
    expect(reassessedReason(4, 'a correction', before, ineligible)).toBe(
      'Re-assessed (version 4) after a correction: eligible → not eligible (AGE, RESIDENCE)',
    );
  });

  it('tells the family of a withdrawn consent in both languages', () => {
    expect(CONSENT_WITHDRAWN_REASON).toMatch(/^[\p{Script=Han}，。,]+[\s\S]*Consent withdrawn/u);
  });
});
