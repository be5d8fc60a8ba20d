import { CHECK_OUTCOMES } from '../enrolment';
import { CHECKS, descriptorOf } from './checks';
import { summariseCheck } from './family-summary';

describe('what a family reads about one check', () => {
  const every = CHECKS.flatMap((check) => CHECK_OUTCOMES.map((outcome) => ({ check, outcome })));

  it.each(every)(
    '$check $outcome: confirmed only on MATCH, naming what was checked and the proof',
    ({ check, outcome }) => {
      const { subject, document } = descriptorOf(check).family;
      const summary = summariseCheck(check, outcome);
      expect(summary.check).toBe(check);
      expect(summary.confirmed).toBe(outcome === 'MATCH');
      expect(summary.zh).toContain(subject.zh);
      expect(summary.en).toContain(subject.en);
      // Anything short of a match tells the family which document settles it.
      if (outcome !== 'MATCH') {
        expect(summary.zh).toContain(document.zh);
        expect(summary.en).toContain(document.en);
      }
    },
  );

  it('says something different for each outcome of a check', () => {
    for (const check of CHECKS) {
      const texts = CHECK_OUTCOMES.map((outcome) => summariseCheck(check, outcome));
      expect(new Set(texts.map((t) => t.zh)).size).toBe(CHECK_OUTCOMES.length);
      expect(new Set(texts.map((t) => t.en)).size).toBe(CHECK_OUTCOMES.length);
    }
  });

  it('sends a family to the review with the hukou booklet when the household is not found', () => {
    expect(summariseCheck('HOUSEHOLD', 'NOT_FOUND')).toEqual({
      check: 'HOUSEHOLD',
      confirmed: false,
      zh: '部门未查到户籍信息,请在审核时携带户口簿。',
      en: "The household registration (hukou) was not found in the department's records; please bring the hukou booklet to the review.",
    });
  });

  it('sends a family to a registration point when a department could not be reached', () => {
    expect(summariseCheck('PROPERTY', 'UNAVAILABLE').en).toBe(
      'The housing record could not be checked online for now; please bring the property certificate, purchase contract or rental registration to a registration point.',
    );
  });
});
