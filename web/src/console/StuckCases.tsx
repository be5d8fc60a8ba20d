import { Button, Card, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, query } from '../shared/api';
import { useLang } from '../shared/i18n';
import { navigate } from '../shared/router';
import { ProblemAlert, StatusTag, useLoad } from '../shared/ui';

interface StuckCase {
  applicationNo: string | null;
  workflowId: string;
  status: string | null;
  countyCode: string | null;
  inStatusSince: string | null;
  reviewOverdue: boolean;
  problems: string[];
  failingActivities: Array<{ activityType: string; attempt: number; lastFailure: string | null }>;
  links: { temporalUi: string };
}
interface StuckPage {
  items: StuckCase[];
  scanned: number;
  nextPageToken: string | null;
}
interface ProblemCounts {
  byProblem: Record<string, number>;
  running: number;
}

/** Problem names as operators read them (src/domain/case-history/problems.ts). */
export const PROBLEM_NAMES: Record<string, { zh: string; en: string }> = {
  ACTIVITY_FAILING: { zh: '活动反复失败', en: 'Activity failing' },
  WORKFLOW_TASK_FAILING: { zh: '工作流任务失败', en: 'Workflow task failing' },
  LONG_IN_STATE: { zh: '停留过久', en: 'Long in one status' },
  REVIEW_OVERDUE: { zh: '审核超期', en: 'Review overdue' },
};

/** Operators' list of stuck cases: filtered and paged by the server, with each case's problems. */
export function StuckCases() {
  const { tr, bi } = useLang();
  const [problem, setProblem] = useState<string | undefined>();
  const [tokens, setTokens] = useState<string[]>([]);
  const pageToken = tokens[tokens.length - 1];
  const counts = useLoad(() => api<ProblemCounts>('GET', '/ops/counts'), []);
  const page = useLoad(
    () => api<StuckPage>('GET', `/ops/cases${query({ problem, pageToken, limit: 20 })}`),
    [problem, pageToken],
  );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {tr('卡住的案件', 'Stuck cases')}
      </Typography.Title>
      <ProblemCountsCard counts={counts.value} />
      <Space wrap>
        <Select
          aria-label={tr('问题类型', 'Problem')}
          allowClear
          placeholder={tr('任何问题', 'Any problem')}
          style={{ width: 220 }}
          value={problem}
          onChange={(p?: string) => {
            setProblem(p);
            setTokens([]);
          }}
          options={Object.entries(PROBLEM_NAMES).map(([value, name]) => ({
            value,
            label: bi(name),
          }))}
        />
        <Button onClick={() => (page.reload(), counts.reload())}>{tr('刷新', 'Refresh')}</Button>
      </Space>
      <ProblemAlert error={page.error} />
      <StuckTable items={page.value?.items ?? []} loading={page.loading} />
      <Space>
        <span>
          {tr('已扫描', 'Scanned')} {page.value?.scanned ?? 0}
        </span>
        <Button disabled={!tokens.length} onClick={() => setTokens((t) => t.slice(0, -1))}>
          {tr('上一页', 'Previous')}
        </Button>
        <Button
          disabled={!page.value?.nextPageToken}
          onClick={() => setTokens((t) => [...t, page.value!.nextPageToken!])}
        >
          {tr('下一页', 'Next')}
        </Button>
      </Space>
    </Space>
  );
}

/** How many runs are open, and how many of them show each problem. */
function ProblemCountsCard({ counts }: { counts: ProblemCounts | undefined }) {
  const { tr, bi } = useLang();
  return (
    <Card>
      <Space size="large" wrap>
        <Statistic title={tr('运行中', 'Running')} value={counts?.running ?? 0} />
        {Object.entries(counts?.byProblem ?? {}).map(([p, n]) => (
          <Statistic key={p} title={bi(PROBLEM_NAMES[p] ?? { zh: p, en: p })} value={n} />
        ))}
      </Space>
    </Card>
  );
}

/** A page of stuck cases: each links to its inspection and to its run in Temporal's Web UI. */
function StuckTable({ items, loading }: { items: StuckCase[]; loading: boolean }) {
  const { tr, bi } = useLang();
  return (
    <Table<StuckCase>
      rowKey="workflowId"
      loading={loading}
      pagination={false}
      dataSource={items}
      columns={[
        {
          title: tr('申请编号', 'Application'),
          render: (_, c) =>
            c.applicationNo ? (
              <a
                href={`/console/ops/${c.applicationNo}`}
                onClick={(e) => (e.preventDefault(), navigate(`/console/ops/${c.applicationNo}`))}
              >
                {c.applicationNo}
              </a>
            ) : (
              c.workflowId
            ),
        },
        { title: tr('状态', 'Status'), render: (_, c) => <StatusTag status={c.status} /> },
        {
          title: tr('问题', 'Problems'),
          render: (_, c) =>
            c.problems.map((p) => (
              <Tag key={p} color="red">
                {bi(PROBLEM_NAMES[p] ?? { zh: p, en: p })}
              </Tag>
            )),
        },
        {
          title: tr('失败的活动', 'Failing activities'),
          render: (_, c) =>
            c.failingActivities.map((a) => (
              <div key={a.activityType}>
                {a.activityType} · {tr('第', 'attempt ')}
                {a.attempt}
                {tr('次', '')} · {a.lastFailure}
              </div>
            )),
        },
        {
          title: 'Temporal',
          render: (_, c) => (
            <a href={c.links.temporalUi} target="_blank" rel="noreferrer">
              {tr('在 Temporal 中查看', 'Open in Temporal')}
            </a>
          ),
        },
      ]}
    />
  );
}
