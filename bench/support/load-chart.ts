import * as echarts from 'echarts';
import type { FaultRecord } from './load-faults';

export interface LoadSample {
  /** Seconds after the first request. */
  readonly at: number;
  readonly submitted: number;
  readonly verifying: number;
  readonly reviewed: number;
}

/**
 * The backlog over time as an SVG image (ECharts' server-side renderer, no browser): cases waiting
 * (SUBMITTED, VERIFYING) and cases verified (AWAITING_REVIEW), each fault a marked line.
 */
export function loadChartSvg(
  title: string,
  samples: readonly LoadSample[],
  faults: readonly FaultRecord[],
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 1000, height: 420 });
  const series = (name: string, pick: (s: LoadSample) => number, axis: number) => ({
    name,
    type: 'line' as const,
    yAxisIndex: axis,
    showSymbol: false,
    data: samples.map((s) => [s.at, pick(s)]),
  });
  chart.setOption({
    animation: false,
    title: { text: title, top: 4, textStyle: { fontSize: 13 } },
    legend: { top: 30 },
    grid: { top: 80, left: 60, right: 60, bottom: 40 },
    xAxis: { type: 'value', name: 's', min: 0 },
    yAxis: [
      { type: 'value', name: 'waiting' },
      { type: 'value', name: 'verified' },
    ],
    series: [
      {
        ...series('SUBMITTED', (s) => s.submitted, 0),
        markLine: {
          symbol: 'none',
          label: { formatter: '{b}' },
          data: faults.map((f) => ({ name: f.kind, xAxis: Math.round(f.at) })),
        },
      },
      series('VERIFYING', (s) => s.verifying, 0),
      series('AWAITING_REVIEW', (s) => s.reviewed, 1),
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
