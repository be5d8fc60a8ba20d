import { Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import type { CheckOutcome } from '../../../src/domain/enrolment';
import { api } from '../shared/api';
import { OUTCOME_NAMES } from '../shared/names';
import { useLang } from '../shared/i18n';
import { CaseTimeline, ProblemAlert, StatusTag, useLoad, type TimelineStep } from '../shared/ui';
import { DecisionPanel } from './DecisionPanel';
import { FactsPanel } from './FactsPanel';
import { SupplementFiles, type CaseFile } from './SupplementFiles';

interface Check {
  check: string;
  outcome: string;
  about?: { zh: string; en: string };
  mismatchedFields?: string[];
  evidence?: unknown;
  checkedAt?: string;
}
interface SchoolAssessment {
  schoolId: string;
  tier?: number;
  predicate?: string;
  evidence?: unknown;
}
export interface OfficialCase {
  applicationNo: string;
  status: string;
  stage: string;
  countyCode: string;
  formType: string;
  channel: string;
  child: { name: string; idNumber: string };
  submittedAt: string;
  timeline: TimelineStep[];
  verification: Check[];
  assessment?: {
    eligible: boolean;
    notes: unknown;
    schools: SchoolAssessment[];
    facts: unknown;
    policyVersion: string;
  } | null;
  temporal?: { webUi: string };
}

function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      style={{
        margin: 0,
        maxHeight: 240,
        overflow: 'auto',
        fontSize: 12,
        background: '#f6f8fa',
        padding: 8,
        // Long addresses and numbers wrap inside their column rather than spill past the card.
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** One case as a reviewer reads it: the family's statement, each check's evidence, tiers, timeline. */
export function CaseReview({ applicationNo }: { applicationNo: string }) {
  const { tr } = useLang();
  const view = useLoad(
    () => api<OfficialCase>('GET', `/applications/${applicationNo}`),
    [applicationNo],
  );
  // The case file (statement, supplements, documents) comes from its own endpoint.
  const file = useLoad(
    () => api<CaseFile>('GET', `/applications/${applicationNo}/case-file`),
    [applicationNo],
  );
  const statement = file.value?.statement as Record<string, unknown> | undefined;
  const c = view.value;
  if (view.error) return <ProblemAlert error={view.error} />;
  if (!c) return <Card loading />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {tr('案件', 'Case')} {c.applicationNo} <StatusTag status={c.status} />
      </Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={tr('儿童', 'Child')}>{c.child.name}</Descriptions.Item>
        <Descriptions.Item label={tr('身份证号', 'ID number')}>
          {c.child.idNumber}
        </Descriptions.Item>
        <Descriptions.Item label={tr('表类', 'Form')}>{c.formType}</Descriptions.Item>
        <Descriptions.Item label={tr('学段', 'Stage')}>{c.stage}</Descriptions.Item>
        <Descriptions.Item label={tr('县区', 'County')}>{c.countyCode}</Descriptions.Item>
        <Descriptions.Item label={tr('渠道', 'Channel')}>{c.channel}</Descriptions.Item>
      </Descriptions>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card
            title={<h3 style={{ margin: 0 }}>{tr('核验结果与证据', 'Checks and evidence')}</h3>}
          >
            <ChecksTable checks={c.verification} statement={statement} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={<h3 style={{ margin: 0 }}>{tr('资格与类别', 'Eligibility and tier')}</h3>}>
            <Eligibility assessment={c.assessment} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={<h3 style={{ margin: 0 }}>{tr('补充材料', 'Supplements')}</h3>}>
            {file.error ? (
              <ProblemAlert error={file.error} />
            ) : (
              <SupplementFiles file={file.value} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h3 style={{ margin: 0 }}>{tr('办理进程', 'Timeline')}</h3>}>
            <CaseTimeline steps={c.timeline} />
          </Card>
        </Col>
      </Row>
      {c.status === 'AWAITING_REVIEW' && (
        <FactsPanel applicationNo={c.applicationNo} onDone={view.reload} />
      )}
      <DecisionPanel
        applicationNo={c.applicationNo}
        status={c.status}
        onDone={() => {
          view.reload();
          file.reload();
        }}
      />
    </Space>
  );
}

/** Each check's outcome beside what the family stated and what the registry answered. */
function ChecksTable({
  checks,
  statement,
}: {
  checks: Check[];
  statement: Record<string, unknown> | undefined;
}) {
  const { tr, bi } = useLang();
  return (
    <Table<Check>
      rowKey="check"
      size="small"
      pagination={false}
      tableLayout="fixed"
      dataSource={checks}
      columns={[
        {
          title: tr('核验项', 'Check'),
          width: 130,
          render: (_, v) => (
            <div>
              <strong>{v.check}</strong>
              {v.about && <div>{bi(v.about)}</div>}
            </div>
          ),
        },
        {
          title: tr('结果', 'Outcome'),
          width: 120,
          render: (_, v) => (
            <Space direction="vertical">
              <Tag color={OUTCOME_NAMES[v.outcome as CheckOutcome]?.color}>{v.outcome}</Tag>
              {v.mismatchedFields?.map((f) => (
                <Tag key={f} color="red">
                  {tr('不一致', 'differs')}: {f}
                </Tag>
              ))}
            </Space>
          ),
        },
        {
          title: tr('申报内容', 'Statement'),
          render: (_, v) => (
            <Json
              label={tr(`${v.check} 申报`, `${v.check} statement`)}
              value={statementFor(statement, v.check)}
            />
          ),
        },
        {
          title: tr('部门证据', 'Registry evidence'),
          render: (_, v) => (
            <Json label={tr(`${v.check} 证据`, `${v.check} evidence`)} value={v.evidence} />
          ),
        },
      ]}
    />
  );
}

/** Whether the case is eligible, its tier at each chosen school, and why. */
function Eligibility({ assessment }: { assessment: OfficialCase['assessment'] }) {
  const { tr } = useLang();
  if (!assessment) return tr('尚未评估', 'Not assessed yet');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Tag color={assessment.eligible ? 'green' : 'red'}>
        {assessment.eligible ? tr('符合条件', 'Eligible') : tr('不符合条件', 'Not eligible')}
      </Tag>
      {assessment.schools.map((s) => (
        <div key={s.schoolId}>
          <strong>{s.schoolId}</strong>: {tr('第', 'tier ')}
          {s.tier ?? '—'}
          {tr('类', '')} · {s.predicate}
        </div>
      ))}
      <Json label={tr('依据', 'Reasons')} value={assessment.notes} />
    </Space>
  );
}

/** Which part of the family's statement each check compares against. */
const STATEMENT_PARTS: Record<string, readonly string[]> = {
  IDENTITY: ['child'],
  HOUSEHOLD: ['child'],
  RELATION: ['guardians'],
  PROPERTY: ['housing'],
  RESIDENCE_PERMIT: ['residencePermit'],
  SOCIAL_INSURANCE: ['employment'],
};

function statementFor(statement: Record<string, unknown> | undefined, check: string): unknown {
  if (!statement) return null;
  const parts = STATEMENT_PARTS[check] ?? Object.keys(statement);
  return Object.fromEntries(parts.map((part) => [part, statement[part]]));
}
