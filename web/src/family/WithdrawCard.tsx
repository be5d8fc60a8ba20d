import { Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { WITHDRAWABLE_STATUSES, type EnrolmentStatus } from '../../../src/domain/enrolment';
import { api } from '../shared/api';
import { useLang } from '../shared/i18n';
import { ProblemAlert } from '../shared/ui';

/**
 * Withdrawing the application, or the consent with it (PIPL Art. 15; docs/consent.md), while no
 * decision has been made; each asked twice, since neither can be undone.
 */
export function WithdrawCard(props: { applicationNo: string; status: string; onDone: () => void }) {
  const { tr } = useLang();
  const [state, setState] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  if (!WITHDRAWABLE_STATUSES.includes(props.status as EnrolmentStatus)) return null;
  async function withdraw(path: 'withdraw' | 'consent/withdraw') {
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
        <Popconfirm
          title={tr(
            '撤回本次报名?撤回后不能恢复。',
            'Withdraw this application? It cannot be undone.',
          )}
          okText={tr('撤回报名', 'Withdraw')}
          cancelText={tr('取消', 'Cancel')}
          onConfirm={() => void withdraw('withdraw')}
        >
          <Button loading={state.busy}>{tr('撤回报名', 'Withdraw the application')}</Button>
        </Popconfirm>
        <Popconfirm
          title={tr(
            '撤回对处理儿童信息的同意?报名将一并撤回,不能恢复。',
            "Withdraw your consent to processing the child's data? The application is withdrawn with it.",
          )}
          okText={tr('撤回同意', 'Withdraw consent')}
          cancelText={tr('取消', 'Cancel')}
          onConfirm={() => void withdraw('consent/withdraw')}
        >
          <Button danger loading={state.busy}>
            {tr('撤回同意', 'Withdraw consent')}
          </Button>
        </Popconfirm>
      </Space>
      <ProblemAlert error={state.error} />
    </Card>
  );
}
