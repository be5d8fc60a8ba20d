import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Progress,
  Radio,
  Space,
  Switch,
} from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../shared/api';
import { placeViolations } from '../shared/form-errors';
import { useLang } from '../shared/i18n';
import { ProblemAlert } from '../shared/ui';
import type { Inspection } from './InspectCase';

type Action = 'retry' | 'reset' | 'cancel' | 'terminate';
interface Values {
  action: Action;
  reason: string;
  fromStep?: number;
  dryRun: boolean;
}

/** How long the page follows a repaired case before it leaves the operator to refresh. */
const FOLLOW_MS = 120_000;
const FOLLOW_EVERY_MS = 2_000;

/**
 * Retry, reset (with a dry-run preview), cancel or terminate, each with a reason; after a real
 * repair the page follows the case until its problems clear, showing how far that has come.
 */
export function RepairActions({
  inspection,
  onChanged,
}: {
  inspection: Inspection;
  onChanged: () => void;
}) {
  const { tr, lang } = useLang();
  const [form] = Form.useForm<Values>();
  const action = Form.useWatch('action', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<unknown>(null);
  const [following, setFollowing] = useState<number | null>(null);

  useEffect(() => {
    if (following === null) return;
    if (!inspection.problems.length || Date.now() - following > FOLLOW_MS) {
      setFollowing(null);
      return;
    }
    const timer = setTimeout(onChanged, FOLLOW_EVERY_MS);
    return () => clearTimeout(timer);
  }, [following, inspection, onChanged]);

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const body =
        values.action === 'reset'
          ? { fromStep: values.fromStep, reason: values.reason, dryRun: values.dryRun }
          : { reason: values.reason, dryRun: values.dryRun };
      const result = await api<unknown>(
        'POST',
        `/ops/cases/${inspection.applicationNo}/${values.action}`,
        { body },
      );
      setOutcome(result);
      if (!values.dryRun) {
        setFollowing(Date.now());
        onChanged();
      }
    } catch (e) {
      placeViolations(form, e, lang, ['reason', 'fromStep']);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const elapsed =
    following === null
      ? 0
      : Math.min(100, Math.round(((Date.now() - following) / FOLLOW_MS) * 100));
  return (
    <Card title={<h3 style={{ margin: 0 }}>{tr('修复', 'Repair')}</h3>}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ action: 'retry', dryRun: false }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="action" label={tr('操作', 'Action')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'retry', label: tr('重试', 'Retry') },
              { value: 'reset', label: tr('重置', 'Reset') },
              { value: 'cancel', label: tr('取消', 'Cancel') },
              { value: 'terminate', label: tr('终止', 'Terminate') },
            ]}
          />
        </Form.Item>
        {action === 'reset' && (
          <Form.Item
            name="fromStep"
            label={tr('重置到第几步', 'Reset to step')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={1000} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={tr('原因(记入审计日志)', 'Reason (audit log)')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item
          name="dryRun"
          label={tr('仅预演,不做改动', 'Dry run: preview only')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Space direction="vertical" style={{ width: '100%' }}>
          <ProblemAlert error={error} />
          <Button
            type="primary"
            danger={action === 'terminate' || action === 'cancel'}
            htmlType="submit"
            loading={busy}
          >
            {tr('执行', 'Run')}
          </Button>
          {following !== null && (
            <div role="status" aria-live="polite">
              {tr('等待案件恢复…', 'Waiting for the case to recover…')}
              <Progress percent={elapsed} status="active" showInfo={false} />
            </div>
          )}
          {outcome !== null && (
            <Alert
              type="success"
              showIcon
              title={tr('结果', 'Outcome')}
              description={
                <pre style={{ margin: 0, maxHeight: 240, overflow: 'auto' }}>
                  {JSON.stringify(outcome, null, 2)}
                </pre>
              }
            />
          )}
        </Space>
      </Form>
    </Card>
  );
}
