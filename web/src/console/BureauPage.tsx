import { Card, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../shared/api';
import { Chart } from '../shared/Chart';
import { useLang } from '../shared/i18n';
import { currentSession, sessionCounties } from '../shared/session';
import { ProblemAlert, STATUS_NAMES, useLoad } from '../shared/ui';
import { ReportCard } from './ReportCard';
import { WarningsCard } from './WarningsCard';

interface ProblemCounts {
  byStatus: Record<string, number>;
  byProblem: Record<string, number>;
  running: number;
}

/**
 * The bureau's view: its place warnings, cases per status in its scope and its reports, as charts
 * with the figures beside them.
 */
export function BureauPage() {
  const { tr, bi } = useLang();
  const counts = useLoad(() => api<ProblemCounts>('GET', '/ops/counts'), []);
  const rows = useMemo(
    () =>
      Object.entries(counts.value?.byStatus ?? {}).map(([status, n]) => ({
        status,
        name: bi(STATUS_NAMES[status as keyof typeof STATUS_NAMES] ?? { zh: status, en: status }),
        n,
      })),
    [counts.value, bi],
  );
  const option = useMemo(
    () => ({
      tooltip: {},
      xAxis: { type: 'category', data: rows.map((r) => r.name) },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: rows.map((r) => r.n), itemStyle: { color: '#0b57d0' } }],
    }),
    [rows],
  );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {tr('预警与报表', 'Warnings and reports')}
      </Typography.Title>
      <WarningsCard counties={sessionCounties(currentSession())} />
      <ProblemAlert error={counts.error} />
      <Card
        title={<h3 style={{ margin: 0 }}>{tr('各状态案件数', 'Cases per status')}</h3>}
        data-testid="status-counts"
      >
        <Chart option={option} label={tr('各状态案件数柱状图', 'Bar chart of cases per status')} />
        <Table
          rowKey="status"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: tr('状态', 'Status'), dataIndex: 'name' },
            { title: tr('案件数', 'Cases'), dataIndex: 'n' },
          ]}
        />
      </Card>
      <ReportCard counties={sessionCounties(currentSession())} />
    </Space>
  );
}
