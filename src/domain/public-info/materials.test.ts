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

  // Worked examples, in the order a family reads them: what the departments are asked online
  // first (the property check's place taken by the housing document), then what only the family
  // holds, each with the case it applies in.
  const told = (...args: Parameters<typeof materialsChecklist>) =>
    materialsChecklist(...args)!.map((i) => [i.code, i.verifiedOnline, i.onlyIfZh ?? null]);

  it('tells a non-local family applying for grade 7 from a registered rental everything at once', () => {
    expect(told('JUNIOR_1', 'B', 'REGISTERED_RENTAL')).toEqual([
      ['GUARDIAN_ID', true, null],
      ['IDENTITY', true, null],
      ['HOUSEHOLD', true, null],
      ['RESIDENCE_PERMIT', true, null],
      ['SOCIAL_INSURANCE', true, null],
      ['RELATION', true, null],
      ['HOUSING_REGISTERED_RENTAL', true, null],
      ['BUSINESS_LICENCE', false, '监护人为个体经营者时'],
      ['CURRENT_PRIMARY_SCHOOL', false, null],
      ['POLICY_CARE_PROOF', false, '申请政策性照顾时'],
      ['PAPER_CONSENT', false, '到线下报名点报名时'],
    ]);
  });

  it('tells a local family on its own home for grade 1 no more than it needs', () => {
    expect(told('PRIMARY_1', 'A', 'OWNED_SOLE')).toEqual([
      ['GUARDIAN_ID', true, null],
      ['IDENTITY', true, null],
      ['HOUSEHOLD', true, null],
      ['RELATION', true, null],
      ['HOUSING_OWNED_SOLE', true, null],
      ['POLICY_CARE_PROOF', false, '申请政策性照顾时'],
      ['PAPER_CONSENT', false, '到线下报名点报名时'],
    ]);
  });

  it('names every item in both languages, and the condition of a conditional one in both', () => {
    for (const stage of STAGES)
      for (const formType of FORM_TYPES)
        for (const housing of HOUSING_TYPES)
          for (const item of materialsChecklist(stage, formType, housing) ?? []) {
            expect(item.nameZh).toMatch(/[\u4e00-\u9fff]/);
            expect(item.nameEn).toMatch(/^[\x20-\x7e\u2019\u2026]+$/);
            expect(item.onlyIfEn === undefined).toBe(item.onlyIfZh === undefined);
          }
    const guardian = materialsChecklist('PRIMARY_1', 'A', 'NONE')![0]!;
    expect(guardian).toMatchObject({
      nameZh: '监护人居民身份证',
      nameEn: "the guardian's resident ID card",
    });
    const licence = materialsChecklist('PRIMARY_1', 'B', 'REGISTERED_RENTAL')!.find(
      (i) => i.code === 'BUSINESS_LICENCE',
    );
    expect(licence).toMatchObject({
      nameZh: '营业执照',
      onlyIfEn: 'when a guardian is self-employed',
    });
  });
});
