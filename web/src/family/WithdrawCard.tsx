import { Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { WITHDRAWABLE_STATUSES, type EnrolmentStatus } from '../../../src/domain/enrolment';
import { api } from '../shared/api';
import { useLang } from '../shared/i18n';
import { ProblemAlert } from '../shared/ui';

/** The two ways out, each with its action and the question that asks it a second time. */
const WITHDRAWALS = [
  {
    path: 'withdraw',
    action: { zh: '撤回报名', en: 'Withdraw the application' },
    question: {
      zh: '撤回本次报名?撤回后不能恢复。',
      en: 'Withdraw this application? It cannot be undone.',
    },
  },
  {
    path: 'consent/withdraw',
    action: { zh: '撤回同意', en: 'Withdraw consent' },
    question: {
      zh: '撤回对处理儿童信息的同意?报名将一并撤回,不能恢复。',
      en: "Withdraw your consent to processing the child's data? The application is withdrawn with it.",
    },
  },
] as const;

/**
 * Withdrawing the application, or the consent with it (PIPL Art. 15; docs/consent.md), while no
 * decision has been made; each asked twice, since neither can be undone.
 */
export function WithdrawCard(props: { applicationNo: string; status: string; onDone: () => void }) {
  const { tr, bi } = useLang();
  const [state, setState] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  if (!WITHDRAWABLE_STATUSES.includes(props.status as EnrolmentStatus)) return null;
  async function withdraw(path: (typeof WITHDRAWALS)[number]['path']) {
    setState({ busy: true });
    try {
      await api('POST', `/applications/${props.applicationNo}/${path}`, { body: {} });
      setState({ busy: false });
      props.onDone();
    } catch (error) {
      setState({ busy: false, error });
    }
  }
  return (
    <Card title={<h3 style={{ margin: 0 }}>{tr('撤回', 'Withdraw')}</h3>} size="small">
      <Typography.Paragraph>
        {tr(
          '审核结果作出前可撤回报名;撤回同意将同时撤回报名,已提交的信息按保存期限匿名化处理。',
          'Before a decision you may withdraw the application; withdrawing your consent withdraws it too, and what was sent is anonymised after the retention period.',
        )}
      </Typography.Paragraph>
      <Space wrap>
        {WITHDRAWALS.map((w) => (
          <Popconfirm
            key={w.path}
            title={bi(w.question)}
            okText={bi(w.action)}
            cancelText={tr('取消', 'Cancel')}
            onConfirm={() => void withdraw(w.path)}
          >
            <Button danger={w.path === 'consent/withdraw'} loading={state.busy}>
              {bi(w.action)}
            </Button>
          </Popconfirm>
        ))}
      </Space>
      <ProblemAlert error={state.error} />
    </Card>
  );
}
