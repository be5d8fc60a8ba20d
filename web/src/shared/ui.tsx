import { Alert, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useState } from 'react';
import type { EnrolmentStatus } from '../../../src/domain/enrolment';
import { ApiError } from './api';
import { useLang } from './i18n';

/** What each status is called on screen. */
export const STATUS_NAMES: Record<EnrolmentStatus, { zh: string; en: string; color: string }> = {
  SUBMITTED: { zh: '已提交', en: 'Submitted', color: 'default' },
  VERIFYING: { zh: '核验中', en: 'Verifying', color: 'processing' },
  AWAITING_REVIEW: { zh: '待审核', en: 'Awaiting review', color: 'blue' },
  NEEDS_SUPPLEMENT: { zh: '待补充材料', en: 'Needs supplement', color: 'orange' },
  AWAITING_OFFLINE_CHECK: { zh: '待线下核验', en: 'Awaiting offline check', color: 'gold' },
  APPROVED: { zh: '审核通过', en: 'Approved', color: 'green' },
  REJECTED: { zh: '审核不通过', en: 'Rejected', color: 'red' },
  ADMITTED: { zh: '已录取', en: 'Admitted', color: 'green' },
  ASSIGNED_BY_BUREAU: { zh: '统筹安排', en: 'Assigned by bureau', color: 'cyan' },
  NOT_ADMITTED: { zh: '未录取', en: 'Not admitted', color: 'volcano' },
  WITHDRAWN: { zh: '已撤回', en: 'Withdrawn', color: 'default' },
  EXPIRED: { zh: '已过期', en: 'Expired', color: 'default' },
  CANCELLED: { zh: '已取消', en: 'Cancelled', color: 'default' },
  DECLINED: { zh: '已放弃学位', en: 'Place declined', color: 'default' },
  LAPSED: { zh: '逾期未确认', en: 'Place lapsed', color: 'default' },
};

/** What an empty list says: antd's own empty text is the disabled grey, 1.8:1 on white (WCAG AA is 4.5:1). */
export function EmptyText({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}

export function StatusTag({ status }: { status: string | null }) {
  const { bi } = useLang();
  const name = status ? STATUS_NAMES[status as EnrolmentStatus] : undefined;
  if (!name) return <Tag>{status ?? '—'}</Tag>;
  return (
    <Tag color={name.color} data-status={status}>
      {bi(name)}
    </Tag>
  );
}

/** An API error in the reader's language; violations are listed unless a form shows them. */
export function ProblemAlert({
  error,
  withViolations = true,
}: {
  error: unknown;
  withViolations?: boolean;
}) {
  const { lang, tr } = useLang();
  if (!error) return null;
  if (!(error instanceof ApiError))
    return (
      <Alert
        role="alert"
        type="error"
        showIcon
        title={tr('出错了', 'Something went wrong')}
        description={error instanceof Error ? error.message : JSON.stringify(error)}
      />
    );
  const list = withViolations ? error.violations : [];
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      title={`${lang === 'zh' ? error.detailZh : error.detailEn} (${error.code})`}
      description={
        list.length ? (
          <ul>
            {list.map((v) => (
              <li key={`${v.path}-${v.code}`}>
                {v.path}: {lang === 'zh' ? v.message_zh : v.message_en}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

export interface TimelineStep {
  readonly seq: number;
  readonly from: string | null;
  readonly to: string;
  readonly actor: string;
  readonly reason: string | null;
  readonly at: string;
}

export function CaseTimeline({ steps }: { steps: readonly TimelineStep[] }) {
  const { bi } = useLang();
  return (
    <Timeline
      items={steps.map((s) => ({
        key: s.seq,
        content: (
          <div>
            <strong>{bi(STATUS_NAMES[s.to as EnrolmentStatus] ?? { zh: s.to, en: s.to })}</strong>{' '}
            <time dateTime={s.at}>{new Date(s.at).toLocaleString()}</time>
            <div>
              {s.actor}
              {s.reason ? ` · ${s.reason}` : ''}
            </div>
          </div>
        ),
      }))}
    />
  );
}

/** Loads once (and again on reload()); the page shows loading, the error or the value. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<{ value?: T; error?: unknown; loading: boolean }>({
    loading: true,
  });
  const run = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (value) => setState({ value, loading: false }),
      (error: unknown) => setState({ error, loading: false }),
    );
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}
