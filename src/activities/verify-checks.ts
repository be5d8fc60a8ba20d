import type { DataSharingClient } from '../integration/data-sharing/client';
import { verificationChecks } from '../observability/metrics';
import {
  householdOutcome,
  identityOutcome,
  propertyOutcome,
  residencePermitOutcome,
  socialInsuranceOutcome,
  type Check,
  type CheckResult,
} from '../domain/verification/checks';
import type { EnrolmentApplicationInput } from '../contract';
import { departmentCall } from './department-call';

/** One activity per department check (DESIGN.md §3); each asks the registry and compares. */
export function verificationActivities(client: DataSharingClient) {
  const guardianIds = (input: EnrolmentApplicationInput) =>
    input.form.guardians.map((g) => g.idNumber);

  return countingFailures({
    /** 公安: is this the child the family says, by name, birth date and gender? */
    async verifyIdentity(input: EnrolmentApplicationInput): Promise<CheckResult> {
      const { child } = input.form;
      const response = await departmentCall(() =>
        client.query('identity', { name: child.name, idNumber: child.idNumber }),
      );
      return identityOutcome(
        child,
        response.data.result === 'FOUND'
          ? { found: true, ...response.data.record }
          : { found: false },
      );
    },

    /** 公安 户籍: the child's household, its address, move-in date and members. */
    async verifyHousehold(input: EnrolmentApplicationInput): Promise<CheckResult> {
      const response = await departmentCall(() =>
        client.query('household', { idNumber: input.form.child.idNumber }),
      );
      return householdOutcome(
        input.form,
        response.data.result === 'FOUND' ? response.data.household : undefined,
      );
    },

    /** 自然资源 不动产登记 (and registered rentals): the home the application relies on. */
    async verifyProperty(input: EnrolmentApplicationInput): Promise<CheckResult> {
      const certificateNo = input.form.housing?.certificateNo;
      if (!certificateNo) return propertyOutcome(input.form, undefined, []);
      const response = await departmentCall(() => client.query('realEstate', { certificateNo }));
      if (response.data.result !== 'FOUND') return propertyOutcome(input.form, undefined, []);
      const property = response.data.property;
      const guardians = new Set(guardianIds(input));
      // Whether a holder who is not a guardian is a grandparent only the child's household tells.
      let grandparentIds: string[] = [];
      if (!property.holders.some((h) => guardians.has(h.idNumber))) {
        const household = await departmentCall(() =>
          client.query('household', { idNumber: input.form.child.idNumber }),
        );
        if (household.data.result === 'FOUND') {
          const child = household.data.household.members.find(
            (m) => m.idNumber === input.form.child.idNumber,
          );
          if (child?.relationToHead === 'GRANDCHILD') {
            grandparentIds = household.data.household.members
              .filter((m) => m.relationToHead === 'HEAD' || m.relationToHead === 'SPOUSE')
              .map((m) => m.idNumber);
          }
        }
      }
      return propertyOutcome(input.form, property, grandparentIds);
    },

    /** 公安 居住证: a guardian's residence permit (Form B). */
    async verifyResidencePermit(input: EnrolmentApplicationInput): Promise<CheckResult> {
      const permits = [];
      for (const idNumber of guardianIds(input)) {
        const response = await departmentCall(() => client.query('residencePermit', { idNumber }));
        if (response.data.result === 'FOUND') permits.push(...response.data.permits);
      }
      return residencePermitOutcome(input.form, permits);
    },

    /** 人社 社保: the guardians' contributions in the city (Form B). */
    async verifySocialInsurance(input: EnrolmentApplicationInput): Promise<CheckResult> {
      const records = [];
      for (const idNumber of guardianIds(input)) {
        const response = await departmentCall(() => client.query('socialInsurance', { idNumber }));
        if (response.data.result === 'FOUND') records.push(response.data.record);
      }
      return socialInsuranceOutcome(input.form, records);
    },
  });
}

const CHECK_OF_ACTIVITY = {
  verifyIdentity: 'IDENTITY',
  verifyHousehold: 'HOUSEHOLD',
  verifyProperty: 'PROPERTY',
  verifyResidencePermit: 'RESIDENCE_PERMIT',
  verifySocialInsurance: 'SOCIAL_INSURANCE',
} as const satisfies Record<string, Check>;

type CheckActivities = Record<
  keyof typeof CHECK_OF_ACTIVITY,
  (input: EnrolmentApplicationInput) => Promise<CheckResult>
>;

/**
 * Counts each failed attempt of a check (the metric's `error`); the outcome a case keeps is
 * counted when it is recorded (recordCheck), since UNAVAILABLE is only decided by the workflow.
 */
function countingFailures<T extends CheckActivities>(activities: T): T {
  const counted = Object.entries(activities).map(([name, run]) => [
    name,
    async (input: EnrolmentApplicationInput) => {
      try {
        return await run(input);
      } catch (error) {
        verificationChecks.inc({
          check: CHECK_OF_ACTIVITY[name as keyof CheckActivities],
          outcome: 'error',
        });
        throw error;
      }
    },
  ]);
  return Object.fromEntries(counted) as T;
}
