import {
  ENROLMENT_WORKFLOW_TYPE,
  CountyCodeKey,
  EnrolmentStatusKey,
  ReviewOverdueKey,
  StageKey,
} from '../contract';

/**
 * A visibility query over running application workflows. Values come from checked enums and token
 * claims; anything but letters, digits, `_` and `-` is refused rather than quoted.
 */
export function visibilityQuery(filter: {
  /** The deployment's task queue: other deployments may share the namespace. */
  taskQueue: string;
  counties: readonly string[] | null;
  status?: string;
  stage?: string;
  overdue?: boolean;
}): string {
  const clauses = [
    `WorkflowType = '${ENROLMENT_WORKFLOW_TYPE}'`,
    `ExecutionStatus = 'Running'`,
    `TaskQueue = ${literal(filter.taskQueue)}`,
  ];
  if (filter.counties)
    clauses.push(
      filter.counties.length
        ? `${CountyCodeKey.name} IN (${filter.counties.map(literal).join(', ')})`
        : `${CountyCodeKey.name} = ''`,
    );
  if (filter.status) clauses.push(`${EnrolmentStatusKey.name} = ${literal(filter.status)}`);
  if (filter.stage) clauses.push(`${StageKey.name} = ${literal(filter.stage)}`);
  if (filter.overdue !== undefined)
    clauses.push(
      filter.overdue
        ? `${ReviewOverdueKey.name} = true`
        : `(${ReviewOverdueKey.name} = false OR ${ReviewOverdueKey.name} IS NULL)`,
    );
  return clauses.join(' AND ');
}

function literal(value: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(value))
    throw new Error(`refusing to put ${JSON.stringify(value)} in a visibility query`);
  return `'${value}'`;
}
