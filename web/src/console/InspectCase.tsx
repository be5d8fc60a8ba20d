import { Card, Col, Descriptions, List, Row, Space, Table, Tag, Typography } from 'antd';
import { api } from '../shared/api';
import { useLang } from '../shared/i18n';
import { CaseTimeline, EmptyText, ProblemAlert, StatusTag, useLoad } from '../shared/ui';
import { RepairActions } from './RepairActions';
import { PROBLEM_NAMES } from './StuckCases';

export interface Inspection {
  applicationNo: string;
  workflowId: string;
  runId: string;
  runStatus: string;
  status: string;
  countyCode: string;
  stage: string;
  problems: string[];
  timeline: Array<{
    step: number;
    from: string | null;
    to: string;
    actor: string;
    reason: string | null;
    at: string;
  }>;
  pendingActivities: Array<{
    activityId: string;
    activityType: string;
    state: string;
    attempt: number;
    maximumAttempts: number;
    lastFailure: string | null;
    nextAttemptAt: string | null;
  }>;
  workflowTask: { attempt: number; lastFailure: { cause: string; message: string } | null };
  history: Array<{ at: string; eventIds: number[]; text: string; resetPoint: number | null }>;
  resets: Array<{ at: string; previousRunId: string; runId: string; keptThroughStep: number }>;
  links: { temporalUi: string };
}

/** One case as an operator inspects it: run, pending activities, history, earlier resets, repairs. */
export function InspectCase({ applicationNo }: { applicationNo: string }) {
  const { tr, bi } = useLang();
  const view = useLoad(
    () => api<Inspection>('GET', `/ops/cases/${applicationNo}`),
    [applicationNo],
  );
  const c = view.value;
  if (view.error) return <ProblemAlert error={view.error} />;
  if (!c) return <Card loading />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {tr('检查案件', 'Inspect case')} {c.applicationNo} <StatusTag status={c.status} />
      </Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={tr('运行状态', 'Run')}>
          <span data-testid="run-status">{c.runStatus}</span>
        </Descriptions.Item>
        <Descriptions.Item label={tr('问题', 'Problems')}>
          <span data-testid="problems">
            {c.problems.length
              ? c.problems.map((p) => (
                  <Tag key={p} color="red">
                    {bi(PROBLEM_NAMES[p] ?? { zh: p, en: p })}
                  </Tag>
                ))
              : tr('无', 'None')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="Temporal">
          <a href={c.links.temporalUi} target="_blank" rel="noreferrer">
            {tr('在 Temporal 界面中打开', "Open in Temporal's UI")}
          </a>
        </Descriptions.Item>
      </Descriptions>
      <RepairActions inspection={c} onChanged={view.reload} />
      <Card title={<h3 style={{ margin: 0 }}>{tr('待执行的活动', 'Pending activities')}</h3>}>
        <PendingActivities activities={c.pendingActivities} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card title={<h3 style={{ margin: 0 }}>{tr('办理进程', 'Timeline')}</h3>}>
            <CaseTimeline steps={c.timeline.map((t) => ({ ...t, seq: t.step }))} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={<h3 style={{ margin: 0 }}>{tr('执行历史', 'History')}</h3>}>
            {/* A scrolled region a keyboard can reach and a screen reader can name. */}
            <RunHistory history={c.history} />
          </Card>
        </Col>
        <Col xs={24} lg={6}>
          <Card title={<h3 style={{ margin: 0 }}>{tr('以往重置', 'Earlier resets')}</h3>}>
            <List
              size="small"
              dataSource={c.resets}
              locale={{ emptyText: <EmptyText>{tr('无', 'None')}</EmptyText> }}
              renderItem={(r) => (
                <List.Item>
                  {new Date(r.at).toLocaleString()} · {tr('保留至第', 'kept through step ')}
                  {r.keptThroughStep}
                  {tr('步', '')}
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

/** The run's activities waiting or retrying, each with its attempts and last failure. */
function PendingActivities({ activities }: { activities: Inspection['pendingActivities'] }) {
  const { tr } = useLang();
  return (
    <Table
      rowKey="activityId"
      size="small"
      pagination={false}
      dataSource={activities}
      locale={{ emptyText: <EmptyText>{tr('无', 'None')}</EmptyText> }}
      columns={[
        { title: tr('活动', 'Activity'), dataIndex: 'activityType' },
        { title: tr('状态', 'State'), dataIndex: 'state' },
        {
          title: tr('尝试次数', 'Attempt'),
          render: (_, a) => `${a.attempt} / ${a.maximumAttempts || '∞'}`,
        },
        { title: tr('最近失败', 'Last failure'), dataIndex: 'lastFailure' },
      ]}
    />
  );
}

/** The run's history in readable steps, marking where a reset may go back to. */
function RunHistory({ history }: { history: Inspection['history'] }) {
  const { tr } = useLang();
  return (
    <div
      role="region"
      aria-label={tr('执行历史', 'History')}
      tabIndex={0}
      style={{ maxHeight: 420, overflow: 'auto' }}
    >
      <List
        size="small"
        dataSource={history}
        renderItem={(h) => (
          <List.Item>
            <span>
              {new Date(h.at).toLocaleTimeString()} · {h.text}
              {h.resetPoint !== null && (
                <Tag style={{ marginLeft: 8 }}>
                  {tr(`可重置到第 ${h.resetPoint} 步`, `reset point ${h.resetPoint}`)}
                </Tag>
              )}
            </span>
          </List.Item>
        )}
      />
    </div>
  );
}
