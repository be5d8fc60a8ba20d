import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { api } from '../shared/api';
import { useLang } from '../shared/i18n';
import {
  CaseTimeline,
  EmptyText,
  ProblemAlert,
  StatusTag,
  type TimelineStep,
  useLoad,
} from '../shared/ui';
import { PlaceCard, type Admission, type Offer, type Place } from './PlaceCard';
import { SupplementAnswer } from './SupplementAnswer';
import { WithdrawCard } from './WithdrawCard';

interface FamilyView {
  applicationNo: string;
  status: string;
  guidance: { actionRequired: boolean; zh: string; en: string };
  child: { name: string; idNumber: string };
  timeline: TimelineStep[];
  guardianship?: { confirmed: boolean; zh: string; en: string };
  verification: Array<{
    check: string;
    outcome: string;
    confirmed?: boolean;
    zh?: string;
    en?: string;
  }>;
  priority?: {
    eligible: boolean;
    schools: Array<{ schoolId: string; tier: number; tierNameZh: string; tierNameEn: string }>;
  } | null;
  admission?: Admission | null;
  place?: Place | null;
  offer?: Offer | null;
}

/**
 * One application as the family reads it: status, what to do, the admission and its place, the
 * timeline, the checks in plain words.
 */
export function ApplicationDetail({ applicationNo }: { applicationNo: string }) {
  const { tr, bi, lang } = useLang();
  const view = useLoad(
    () => api<FamilyView>('GET', `/applications/${applicationNo}`),
    [applicationNo],
  );
  const a = view.value;
  if (view.error) return <ProblemAlert error={view.error} />;
  if (!a) return <Card loading />;
  const lastReason = a.timeline[a.timeline.length - 1]?.reason ?? '';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {a.child.name} <StatusTag status={a.status} />
      </Typography.Title>
      <Typography.Text type="secondary">{a.applicationNo}</Typography.Text>
      <Alert
        type={a.guidance.actionRequired ? 'warning' : 'info'}
        showIcon
        title={bi(a.guidance)}
        data-testid="guidance"
      />
      {a.status === 'NEEDS_SUPPLEMENT' && (
        <SupplementAnswer
          applicationNo={a.applicationNo}
          requestText={lastReason}
          onDone={view.reload}
        />
      )}
      <PlaceCard
        applicationNo={a.applicationNo}
        admission={a.admission ?? null}
        place={a.place ?? null}
        offer={a.offer ?? null}
        onDone={view.reload}
      />
      {a.guardianship && (
        <Alert type={a.guardianship.confirmed ? 'success' : 'info'} title={bi(a.guardianship)} />
      )}
      <Card title={<h3 style={{ margin: 0 }}>{tr('信息核验', 'Checks')}</h3>} size="small">
        <List
          size="small"
          dataSource={a.verification}
          locale={{ emptyText: <EmptyText>{tr('暂无', 'None yet')}</EmptyText> }}
          renderItem={(v) => (
            <List.Item>
              <Tag color={v.confirmed ? 'green' : 'orange'}>
                {v.confirmed ? tr('已核实', 'Confirmed') : tr('待核实', 'Not confirmed')}
              </Tag>
              {v.zh && v.en ? bi({ zh: v.zh, en: v.en }) : v.check}
            </List.Item>
          )}
        />
      </Card>
      {a.priority && (
        <Card title={<h3 style={{ margin: 0 }}>{tr('入学类别', 'Priority tier')}</h3>} size="small">
          {a.priority.schools.map((s) => (
            <div key={s.schoolId}>
              {s.schoolId}: {lang === 'zh' ? s.tierNameZh : s.tierNameEn}
            </div>
          ))}
        </Card>
      )}
      <Card title={<h3 style={{ margin: 0 }}>{tr('办理进程', 'Progress')}</h3>} size="small">
        <CaseTimeline steps={a.timeline} />
      </Card>
      <WithdrawCard applicationNo={a.applicationNo} status={a.status} onDone={view.reload} />
    </Space>
  );
}
