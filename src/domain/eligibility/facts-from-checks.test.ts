import { formA, formB } from '../../testing/check-forms';
import type { CheckOutcome } from '../enrolment';
import type {
  CheckResult,
  HouseholdEvidence,
  InsuranceEvidence,
  PermitEvidence,
  PropertyEvidence,
} from '../verification/checks';
import { autoFill, factsFromChecks, type CheckResults } from './facts-from-checks';

const HOME = '南宁市青秀区民族大道100号';
const household: HouseholdEvidence = {
  found: true,
  householdNo: 'HH-0001',
  divisionCode: '450103',
  address: HOME,
  catchmentUnit: '450103-C01',
  childMoveInDate: '2021-05-01',
  memberRelations: ['GUARDIAN', 'SIBLING'],
  members: [],
};
const property: PropertyEvidence = {
  found: true,
  certificateNo: 'ZL-450103-2025-000123',
  kind: 'REGISTERED_RENTAL',
  holder: 'GUARDIAN',
  soleOwnership: true,
  address: '南宁市青秀区东葛路8号',
  catchmentUnit: '450103-C02',
  registrationDate: '2025-02-01',
  holders: [],
};
const permit: PermitEvidence = {
  found: true,
  permitNo: '450103202500012345',
  countyCode: '450103',
  issueDate: '2025-03-01',
  expiryDate: '2030-03-01',
  holderIdNumber: '450103********1234',
};
const insurance: InsuranceEvidence = {
  found: true,
  cityCode: '450100',
  monthsPaidLast24: 18,
  active: true,
};

const result = (
  outcome: CheckOutcome,
  evidence: unknown = { found: false },
  mismatchedFields: string[] = [],
): CheckResult => ({ outcome, mismatchedFields, evidence });
const matched = (evidence: unknown) => result('MATCH', evidence);

/** A Form B case whose every check matched. */
const allMatched: CheckResults = {
  IDENTITY: matched({ found: true }),
  HOUSEHOLD: matched(household),
  PROPERTY: matched(property),
  RESIDENCE_PERMIT: matched(permit),
  SOCIAL_INSURANCE: matched(insurance),
};

describe('the verified facts of a case', () => {
  it('are the registries’ answers, with the season, stage and county of the form', () => {
    const housingLock = {
      certificateNo: 'C',
      lockedUntil: '2029-08-31',
      applicationNo: '2023-450103-000042-7',
    };
    expect(
      factsFromChecks(formB(), allMatched, {
        cityCode: '450100',
        housingLock,
        policyCareConfirmed: true,
      }),
    ).toEqual({
      seasonYear: 2026,
      stage: 'PRIMARY_1',
      formType: 'B',
      countyCode: '450103',
      cityCode: '450100',
      identityConfirmed: true,
      birthDate: '2020-03-15',
      policyCareConfirmed: true,
      household: {
        divisionCode: '450103',
        address: HOME,
        catchmentUnit: '450103-C01',
        moveInDate: '2021-05-01',
        memberRelations: ['GUARDIAN', 'SIBLING'],
      },
      property: {
        certificateNo: 'ZL-450103-2025-000123',
        kind: 'REGISTERED_RENTAL',
        holder: 'GUARDIAN',
        soleOwnership: true,
        address: '南宁市青秀区东葛路8号',
        catchmentUnit: '450103-C02',
        registrationDate: '2025-02-01',
      },
      residencePermit: { countyCode: '450103', issueDate: '2025-03-01', expiryDate: '2030-03-01' },
      socialInsurance: { cityCode: '450100', monthsPaidLast24: 18, active: true },
      housingLock,
    });
  });

  it('take a MISMATCH’s registry record as the fact, never the statement', () => {
    const checks = { HOUSEHOLD: result('MISMATCH', household, ['child.hukouAddress']) };
    expect(factsFromChecks(formA(), checks, { cityCode: '450100' }).household).toMatchObject({
      address: HOME,
    });
  });

  it('hold nothing a registry did not find or could not be asked, and no unconfirmed identity', () => {
    const f = factsFromChecks(
      formB(),
      {
        IDENTITY: result('MISMATCH', { found: true }, ['name']),
        HOUSEHOLD: result('NOT_FOUND'),
        PROPERTY: result('UNAVAILABLE', { reason: 'timeout' }),
        RESIDENCE_PERMIT: result('NOT_FOUND'),
      },
      { cityCode: '450100' },
    );
    expect(f).toMatchObject({ identityConfirmed: false, policyCareConfirmed: false });
    for (const absent of [
      'household',
      'property',
      'residencePermit',
      'socialInsurance',
      'housingLock',
      'currentPrimarySchoolId',
    ])
      expect(f).not.toHaveProperty(absent);
  });

  it('know the primary a JUNIOR_1 child attends when the form names its school id', () => {
    const school = { name: '青秀区某小学', divisionCode: '450103', schoolId: '450103-P01' };
    const junior = formA({ stage: 'JUNIOR_1', currentPrimarySchool: school });
    expect(factsFromChecks(junior, {}, { cityCode: '450100' }).currentPrimarySchoolId).toBe(
      '450103-P01',
    );
    const unknownSchool = formA({
      stage: 'JUNIOR_1',
      currentPrimarySchool: { ...school, schoolId: undefined },
    });
    expect(factsFromChecks(unknownSchool, {}, { cityCode: '450100' })).not.toHaveProperty(
      'currentPrimarySchoolId',
    );
  });
});

describe('what the registries fill in for the family', () => {
  it('is each registry value beside the statement, and whether they agree', () => {
    expect(autoFill(formB(), allMatched)).toEqual([
      {
        field: 'child.hukouAddress',
        stated: '湖南省永州市冷水滩区梅湾路1号',
        registry: HOME,
        agrees: true,
      },
      { field: 'child.hukouDivisionCode', stated: '431103', registry: '450103', agrees: false },
      { field: 'child.hukouMoveInDate', stated: null, registry: '2021-05-01', agrees: true },
      {
        field: 'housing.address',
        stated: '南宁市青秀区东葛路8号',
        registry: '南宁市青秀区东葛路8号',
        agrees: true,
      },
      { field: 'housing.registrationDate', stated: null, registry: '2025-02-01', agrees: true },
      {
        field: 'residencePermit.issueDate',
        stated: '2025-03-01',
        registry: '2025-03-01',
        agrees: true,
      },
      { field: 'residencePermit.expiryDate', stated: null, registry: '2030-03-01', agrees: true },
      { field: 'employment.socialInsuranceMonths', stated: '18', registry: '18', agrees: true },
    ]);
  });

  it('shows where the check found the statement wrong', () => {
    const checks: CheckResults = {
      HOUSEHOLD: result('MISMATCH', household, ['child.hukouAddress']),
      PROPERTY: result('MISMATCH', property, ['housing.address']),
      RESIDENCE_PERMIT: result('MISMATCH', { ...permit, issueDate: '2025-04-01' }, [
        'residencePermit.issueDate',
      ]),
      SOCIAL_INSURANCE: result('MISMATCH', insurance, ['employment.socialInsuranceMonths']),
    };
    const agrees = Object.fromEntries(autoFill(formB(), checks).map((f) => [f.field, f.agrees]));
    expect(agrees).toMatchObject({
      'child.hukouAddress': false,
      'housing.address': false,
      'residencePermit.issueDate': false,
      'employment.socialInsuranceMonths': false,
    });
  });

  it('says the family stated nothing where the form has no such section', () => {
    const fields = autoFill(formA({ housing: undefined }), allMatched);
    const stated = Object.fromEntries(fields.map((f) => [f.field, f.stated]));
    expect(stated).toMatchObject({
      'housing.address': null,
      'residencePermit.issueDate': null,
      'employment.socialInsuranceMonths': null,
    });
  });

  it('is nothing when no registry found anything', () => {
    expect(autoFill(formB(), { IDENTITY: matched({ found: true }) })).toEqual([]);
  });

  it('is nothing for guardians the registry did not confirm as the child’s', () => {
    expect(autoFill(formB(), { ...allMatched, RELATION: result('MISMATCH', {}) })).toEqual([]);
    expect(autoFill(formB(), { ...allMatched, RELATION: matched({}) })).toHaveLength(8);
  });
});
