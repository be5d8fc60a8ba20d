import { FORM_TYPES, STAGES } from '../enrolment';
import { HOUSING_TYPES } from '../forms/application-form';
import { materialsChecklist } from './materials';

describe('the materials checklist (一次告知)', () => {
  const codes = (...args: Parameters<typeof materialsChecklist>) =>
    materialsChecklist(...args)?.map((i) => i.code);

  it('answers every stage, form type and housing type the form accepts, and only those', () => {
    for (const stage of STAGES)
      for (const formType of FORM_TYPES)
        for (const housing of HOUSING_TYPES) {
          const list = materialsChecklist(stage, formType, housing);
          const refused =
            formType === 'B' && (housing === 'NONE' || housing === 'GRANDPARENT_OWNED');
          expect(list === undefined).toBe(refused);
          if (list) expect(new Set(list.map((i) => i.code)).size).toBe(list.length);
        }
  });

  it('asks Form B for the residence permit and social insurance, Form A for neither', () => {
    expect(codes('PRIMARY_1', 'B', 'REGISTERED_RENTAL')).toEqual(
      expect.arrayContaining(['RESIDENCE_PERMIT', 'SOCIAL_INSURANCE', 'HOUSING_REGISTERED_RENTAL']),
    );
    const formA = codes('PRIMARY_1', 'A', 'OWNED_SOLE')!;
    expect(formA).toEqual(expect.arrayContaining(['IDENTITY', 'HOUSEHOLD', 'HOUSING_OWNED_SOLE']));
    expect(formA).not.toContain('RESIDENCE_PERMIT');
  });

  it('names the housing document of the claim, none without one, and the primary school for JUNIOR_1', () => {
    const grandparent = materialsChecklist('PRIMARY_1', 'A', 'GRANDPARENT_OWNED')!;
    expect(grandparent.find((i) => i.code === 'HOUSING_GRANDPARENT_OWNED')?.nameZh).toMatch(/三代/);
    expect(codes('PRIMARY_1', 'A', 'NONE')!.some((c) => c.startsWith('HOUSING_'))).toBe(false);
    expect(codes('JUNIOR_1', 'A', 'NONE')).toContain('CURRENT_PRIMARY_SCHOOL');
    expect(codes('PRIMARY_1', 'A', 'NONE')).not.toContain('CURRENT_PRIMARY_SCHOOL');
  });
});
