import { Card, Input, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { WarningLevel } from '../../../src/domain/forecast/warning-levels';
import { api, query } from '../shared/api';
import { Chart } from '../shared/Chart';
import { useLang } from '../shared/i18n';
import { ProblemAlert, useLoad } from '../shared/ui';
import { STAGES } from '../shared/names';

/** One school's warning for a stage and season (GET /warnings/:county, docs/early-warning.md). */
interface SchoolWarning {
  schoolId: string;
  stage: string;
  seasonYear: number;
  places: number;
  forecastLow: number;
  forecastHigh: number;
  basis: 'FORECAST' | 'LIVE';
  demand: number;
  ratio: number | null;
  level: WarningLevel;
}

/** Each level's name, a tag colour whose text keeps WCAG AA contrast, and its bar's colour. */
const LEVELS: Record<WarningLevel, { zh: string; en: string; color: string; bar: string }> = {
  GREEN: { zh: '绿色', en: 'Green', color: 'green', bar: '#389e0d' },
  YELLOW: { zh: '黄色', en: 'Yellow', color: 'gold', bar: '#d48806' },
  ORANGE: { zh: '橙色', en: 'Orange', color: 'orange', bar: '#d46b08' },
  RED: { zh: '红色', en: 'Red', color: 'red', bar: '#c4161c' },
};

/** How many schools (and seasons) stand at each level, as bars in the levels' own colours. */
function LevelChart({ warnings }: { warnings: readonly SchoolWarning[] }) {
  const { tr, bi } = useLang();
  const option = useMemo(() => {
    const levels = Object.keys(LEVELS) as WarningLevel[];
    return {
      tooltip: {},
      xAxis: { type: 'category', data: levels.map((l) => bi(LEVELS[l])) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: levels.map((l) => ({
            value: warnings.filter((w) => w.level === l).length,
            itemStyle: { color: LEVELS[l].bar },
          })),
        },
      ],
    };
  }, [warnings, bi]);
  return (
    <Chart
      option={option}
      height={200}
      label={tr('各预警等级学校数柱状图', 'Bar chart of schools per warning level')}
    />
  );
}

/**
 * The early-warning table: demand against places per school and season, and the level the
 * county's thresholds give it, worst first (the same figures the nightly run computes).
 */
export function WarningsCard({ counties }: { counties: readonly string[] }) {
  const { tr, bi } = useLang();
  const [county, setCounty] = useState(counties[0] ?? '');
  const [stage, setStage] = useState<string | undefined>(undefined);
  const warnings = useLoad(
    () =>
      /^\d{6}$/.test(county)
        ? api<SchoolWarning[]>('GET', `/warnings/${county}${query({ stage })}`)
        : Promise.resolve([]),
    [county, stage],
  );
  const order = Object.keys(LEVELS);
  const rows = [...(warnings.value ?? [])].sort(
    (a, b) =>
      order.indexOf(b.level) - order.indexOf(a.level) ||
      a.seasonYear - b.seasonYear ||
      a.schoolId.localeCompare(b.schoolId),
  );
  return (
    <Card
      title={<h3 style={{ margin: 0 }}>{tr('学位预警', 'Place warnings')}</h3>}
      data-testid="warnings"
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          aria-label={tr('预警县区代码', 'Warnings: county code')}
          style={{ width: 120 }}
          placeholder="450103"
          value={county}
          onChange={(e) => setCounty(e.target.value.trim())}
        />
        <Select
          aria-label={tr('预警学段', 'Warnings: stage')}
          style={{ width: 160 }}
          allowClear
          placeholder={tr('全部学段', 'Every stage')}
          value={stage}
          onChange={setStage}
          options={STAGES.map((s) => ({ value: s.value, label: bi(s) }))}
        />
      </Space>
      <ProblemAlert error={warnings.error} />
      <LevelChart warnings={rows} />
      <Table
        rowKey={(w) => `${w.schoolId}/${w.stage}/${w.seasonYear}`}
        size="small"
        loading={warnings.loading}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          {
            title: tr('预警等级', 'Level'),
            dataIndex: 'level',
            render: (level: WarningLevel) => (
              <Tag color={LEVELS[level].color} data-level={level}>
                {bi(LEVELS[level])}
              </Tag>
            ),
          },
          { title: tr('学校', 'School'), dataIndex: 'schoolId' },
          { title: tr('年度', 'Season'), dataIndex: 'seasonYear' },
          { title: tr('学位数', 'Places'), dataIndex: 'places' },
          {
            title: tr('需求人数', 'Demand'),
            render: (_: unknown, w: SchoolWarning) =>
              w.basis === 'LIVE'
                ? `${Math.round(w.demand)}(${tr('已报第一志愿', 'first choices')})`
                : `${Math.round(w.demand)}(${Math.round(w.forecastLow)}–${Math.round(w.forecastHigh)})`,
          },
          {
            title: tr('需求/学位', 'Demand ÷ places'),
            dataIndex: 'ratio',
            render: (ratio: number | null) => (ratio === null ? '—' : ratio.toFixed(2)),
          },
        ]}
      />
    </Card>
  );
}
