import { applicationFormSchema } from '../../forms/application-form';
import { FIXTURE_FAMILIES } from '../../../simulator/fixtures';
import { ANSWERS } from '../../../simulator/registries';
import { DEPARTMENT_QUERIES, ENDPOINT_NAMES } from '../../../integration/data-sharing/contracts';
import { formForFamily } from '../../../testing/forms';
import { formA } from '../../../testing/check-forms';
import {
  CHECK_ACTIVITY,
  CHECK_REGISTRY,
  CHECKS,
  checksFor,
  DEPARTMENT_QUERY_LIST,
  descriptorOf,
} from './index';

describe('the check registry', () => {
  it.each(CHECK_REGISTRY.map((d) => [d.check, d] as const))(
    '%s has the family’s and the reviewer’s texts in both languages',
    (_check, descriptor) => {
      const { subject, document } = descriptor.family;
      for (const text of [subject, document, descriptor.reviewer]) {
        expect(text.zh.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
      }
    },
  );

  it.each(CHECK_REGISTRY.map((d) => [d.check, d] as const))(
    '%s asks only queries the simulator answers and the contract describes',
    (_check, descriptor) => {
      expect(descriptor.queries.length).toBeGreaterThan(0);
      for (const query of descriptor.queries) {
        const name = query.name;
        expect(typeof ANSWERS[name]).toBe('function');
        expect(DEPARTMENT_QUERIES[name].path).toBe(query.path);
        expect(ENDPOINT_NAMES[name]).toBe(query.endpoint);
      }
    },
  );

  it('names every check, activity, query path and endpoint once', () => {
    const unique = (values: readonly string[]) => new Set(values).size === values.length;
    expect(unique(CHECK_REGISTRY.map((d) => d.check))).toBe(true);
    expect(unique(CHECK_REGISTRY.map((d) => d.activity))).toBe(true);
    expect(unique(DEPARTMENT_QUERY_LIST.map((q) => q.path))).toBe(true);
    expect(unique(DEPARTMENT_QUERY_LIST.map((q) => q.endpoint))).toBe(true);
  });

  // Recorded histories replay these activity names in this order: they must never change.
  it('schedules the recorded activities in the recorded order', () => {
    const form = applicationFormSchema.parse(formForFamily(FIXTURE_FAMILIES.huangSiqi));
    const recorded = [
      'verifyIdentity',
      'verifyHousehold',
      'verifyProperty',
      'verifyResidencePermit',
      'verifySocialInsurance',
    ];
    // A case recorded before a check was added replays without it (its patch is absent) ...
    expect(checksFor(form, () => false).map((check) => CHECK_ACTIVITY[check])).toEqual(recorded);
    // ... and a new case schedules it after the recorded ones.
    expect(checksFor(form).map((check) => CHECK_ACTIVITY[check])).toEqual([
      ...recorded,
      'verifyRelation',
    ]);
  });

  it('lists the checks in the registry’s order, each found again by its name', () => {
    expect(CHECKS).toEqual([
      'IDENTITY',
      'HOUSEHOLD',
      'PROPERTY',
      'RESIDENCE_PERMIT',
      'SOCIAL_INSURANCE',
      'RELATION',
    ]);
    for (const check of CHECKS) expect(descriptorOf(check).check).toBe(check);
  });

  // The patch id is recorded in the histories of cases started since: renaming it would make
  // them replay without the relation check.
  it('runs the relation check only in cases that record its patch, guardian-relation-check', () => {
    const asked: string[] = [];
    const since = (patchId: string) => (asked.push(patchId), patchId === 'guardian-relation-check');
    expect(checksFor(formA(), since)).toContain('RELATION');
    expect(asked).toEqual(['guardian-relation-check']);
  });

  it('checks identity, household and relation for every form; the rest when the form calls for them', () => {
    expect(checksFor(formA({ housing: undefined }))).toEqual(['IDENTITY', 'HOUSEHOLD', 'RELATION']);
  });

  // The exchange publishes each interface at a path; the simulator and the fault-injection API
  // know the endpoint by the kebab-case of the query's name.
  it('asks each department at the path the data-sharing exchange publishes', () => {
    expect(Object.fromEntries(DEPARTMENT_QUERY_LIST.map((q) => [q.name, q.path]))).toEqual({
      identity: '/api/gongan/v1/identity/verify',
      household: '/api/gongan/v1/household/query',
      realEstate: '/api/zrzy/v1/real-estate/query',
      residencePermit: '/api/gongan/v1/residence-permit/query',
      socialInsurance: '/api/rs/v1/social-insurance/query',
      householdRelation: '/api/gongan/v1/household/relation',
      birthCertificate: '/api/weijian/v1/birth-certificate/query',
    });
    for (const { name, endpoint } of DEPARTMENT_QUERY_LIST)
      expect(endpoint).toBe(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
  });
});
