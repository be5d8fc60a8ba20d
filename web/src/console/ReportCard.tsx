import { Card, Input, Select, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../shared/api';
import { REPORT_TITLES, type ReportName } from '../../../src/domain/reports/names';
import { Chart } from '../shared/Chart';
import { SeasonInput, StageSelect } from '../shared/choices';
import { useLang } from '../shared/i18n';
import { ProblemAlert, useLoad } from '../shared/ui';

type Cell = string | number | null;
interface Report {
  columns: Array<{ key: string; labelZh: string; labelEn: string }>;
  rows: Array<Record<string, Cell>>;
  generatedAt: string;
}

/**
 * One bureau report as grouped bars (a bar per figure column, a group per row named by its text
 * columns) and as the table itself, which is what a screen reader reads.
 */
export function ReportCard({ counties }: { counties: readonly string[] }) {
  const { tr, bi, lang } = useLang();
  const [county, setCounty] = useState(counties[0] ?? '');
  const [stage, setStage] = useState('PRIMARY_1');
  const [report, setReport] = useState<ReportName>('demand');
  const windows = useLoad(
    () =>
      api<Array<{ seasonYear: number }>>('GET', `/public/counties/${county}/registration-windows`),
    [county],
  );
  const [season, setSeason] = useState<number | null>(null);
  const seasonYear = season ?? windows.value?.[0]?.seasonYear ?? new Date().getFullYear();
  const table = useLoad(
    () =>
      /^\d{6}$/.test(county)
        ? api<Report>('GET', `/reports/${county}/${stage}/${seasonYear}/${report}`)
        : Promise.resolve(null),
    [county, stage, seasonYear, report],
  );
  const rows = table.value?.rows ?? [];
  const columns = table.value?.columns ?? [];
  const label = (c: Report['columns'][number]) => (lang === 'zh' ? c.labelZh : c.labelEn);
  const option = useMemo(() => {
    const figures = columns.filter((c) => rows.some((r) => typeof r[c.key] === 'number'));
    const names = columns.filter((c) => !figures.includes(c));
    return {
      tooltip: {},
      legend: { top: 0 },
      grid: { top: 40, bottom: 30, left: 50, right: 20 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => names.map((c) => r[c.key] ?? tr('合计', 'total')).join(' ')),
      },
      yAxis: { type: 'value' },
      series: figures.map((c) => ({
        type: 'bar',
        name: label(c),
        data: rows.map((r) => r[c.key] ?? 0),
      })),
    };
  }, [rows, columns, lang]);
  const title = bi(REPORT_TITLES[report]);
  return (
    <Card title={<h3 style={{ margin: 0 }}>{tr('报表', 'Reports')}</h3>} data-testid="report">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={tr('报表', 'Report')}
          style={{ width: 220 }}
          value={report}
          onChange={setReport}
          options={Object.entries(REPORT_TITLES).map(([value, name]) => ({
            value,
            label: bi(name),
          }))}
        />
        <Input
          aria-label={tr('县区代码', 'County code')}
          style={{ width: 120 }}
          placeholder="450103"
          value={county}
          onChange={(e) => setCounty(e.target.value.trim())}
        />
        <StageSelect value={stage} onChange={setStage} />
        <SeasonInput value={seasonYear} onChange={setSeason} />
      </Space>
      <ProblemAlert error={table.error} />
      <Chart option={option} label={tr(`${title}柱状图`, `Bar chart: ${title}`)} />
      <Table
        rowKey={(r) => JSON.stringify(r)}
        size="small"
        pagination={false}
        loading={table.loading}
        dataSource={rows}
        columns={columns.map((c) => ({ title: label(c), dataIndex: c.key, key: c.key }))}
      />
    </Card>
  );
}
