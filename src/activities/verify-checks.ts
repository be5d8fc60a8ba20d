import type { DataSharingClient } from '../integration/data-sharing/client';
import type { DepartmentQuery } from '../integration/data-sharing/contracts';
import { verificationChecks } from '../observability/metrics';
import { CHECK_REGISTRY, type Ask, type CheckDescriptor } from '../domain/verification/checks';
import type { CheckActivity, EnrolmentApplicationInput, VerificationActivities } from '../contract';
import { departmentCall } from './department-call';

/**
 * One activity per department check (DESIGN.md §3), named by the check registry: the check says
 * what to ask and how to compare; this side makes the calls.
 */
export function verificationActivities(client: DataSharingClient): VerificationActivities {
  const ask: Ask = async (query, request) => {
    const name = query.name as DepartmentQuery;
    const response = await departmentCall(() => client.query(name, request as never));
    return response.data.result === 'FOUND' ? (response.data as never) : undefined;
  };
  return Object.fromEntries(
    CHECK_REGISTRY.map((descriptor) => [descriptor.activity, counted(descriptor, ask)]),
  ) as VerificationActivities;
}

/**
 * Counts each failed attempt of a check (the metric's `error`); the outcome a case keeps is
 * counted when it is recorded (recordCheck), since UNAVAILABLE is only decided by the workflow.
 */
function counted(descriptor: CheckDescriptor, ask: Ask): CheckActivity {
  return async (input: EnrolmentApplicationInput) => {
    try {
      return await descriptor.verify(input.form, ask);
    } catch (error) {
      verificationChecks.inc({ check: descriptor.check, outcome: 'error' });
      throw error;
    }
  };
}
