import { visibilityQuery } from './visibility-query';

describe('visibilityQuery', () => {
  it('asks for running application workflows in the given counties and filters', () => {
    expect(
      visibilityQuery({
        taskQueue: 'enrolment',
        counties: ['450103', '450105'],
        status: 'VERIFYING',
        stage: 'PRIMARY_1',
        overdue: true,
      }),
    ).toBe(
      "WorkflowType = 'enrolmentApplication' AND ExecutionStatus = 'Running' AND TaskQueue = 'enrolment' AND CountyCode IN ('450103', '450105') AND EnrolmentStatus = 'VERIFYING' AND Stage = 'PRIMARY_1' AND ReviewOverdue = true",
    );
  });

  it('matches nothing for an empty scope, everything for the whole region', () => {
    expect(visibilityQuery({ taskQueue: 'q', counties: [] })).toContain("CountyCode = ''");
    expect(visibilityQuery({ taskQueue: 'q', counties: null })).not.toContain('CountyCode');
    expect(visibilityQuery({ taskQueue: 'q', counties: null, overdue: false })).toContain(
      '(ReviewOverdue = false OR ReviewOverdue IS NULL)',
    );
  });

  it('refuses a value that would change the query', () => {
    expect(() => visibilityQuery({ taskQueue: 'q', counties: ["450103') OR ('1' = '1"] })).toThrow(
      /refusing/,
    );
  });
});
