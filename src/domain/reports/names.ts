/**
 * The bureau reports (issue 15) and their titles: one list that the API routes, its OpenAPI
 * document names and the workbench offers, so a report added here shows up everywhere.
 */
export const REPORTS = [
  'demand',
  'channels',
  'verification',
  'review',
  'admissions',
  'forecast',
] as const;
export type ReportName = (typeof REPORTS)[number];

export const REPORT_TITLES: Readonly<Record<ReportName, { zh: string; en: string }>> = {
  demand: { zh: '各校志愿与学位', en: 'Demand vs places per school' },
  channels: { zh: '报名渠道', en: 'Applications per channel' },
  verification: { zh: '部门核验结果', en: 'Department check outcomes' },
  review: { zh: '审核办理量', en: 'Review throughput' },
  admissions: { zh: '录取结果(按类别)', en: 'Admissions by tier' },
  forecast: { zh: '预测与实际报名', en: 'Forecast vs actual applications' },
};
