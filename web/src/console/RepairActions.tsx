import {
  Alert,
  Button,
  Card,
  Form,
  type FormInstance,
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
 * After a real repair, reloads the case every FOLLOW_EVERY_MS until its problems clear or FOLLOW_MS
 * has passed; `percent` is how much of that time has gone, null while nothing is being followed.
 */
function useFollowRecovery(inspection: Inspection, onChanged: () => void) {
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
  const percent =
    following === null
      ? null
      : Math.min(100, Math.round(((Date.now() - following) / FOLLOW_MS) * 100));
  return { percent, follow: () => setFollowing(Date.now()) };
}

/** Posts the chosen repair and keeps its outcome; `onRepaired` runs after a real (not dry) run. */
function useRunRepair(applicationNo: string, form: FormInstance<Values>, onRepaired: () => void) {
  const { lang } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<unknown>(null);
  async function run(values: Values) {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const body =
        values.action === 'reset'
          ? { fromStep: values.fromStep, reason: values.reason, dryRun: values.dryRun }
          : { reason: values.reason, dryRun: values.dryRun };
      const result = await api<unknown>('POST', `/ops/cases/${applicationNo}/${values.action}`, {
        body,
      });
      setOutcome(result);
      if (!values.dryRun) onRepaired();
    } catch (e) {
      placeViolations(form, e, lang, ['reason', 'fromStep']);
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, outcome, run };
}

/** The repair to run and why; a reset also asks for the step to go back to. */
function RepairFields({ action }: { action: Action | undefined }) {
  const { tr } = useLang();
  return (
    <>
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
    </>
  );
}

/** What the API answered to the repair (or to its dry run), as it sent it. */
function RepairOutcome({ outcome }: { outcome: unknown }) {
  const { tr } = useLang();
  return (
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
  );
}

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
  const { tr } = useLang();
  const [form] = Form.useForm<Values>();
  const action = Form.useWatch('action', form);
  const recovery = useFollowRecovery(inspection, onChanged);
  const repair = useRunRepair(inspection.applicationNo, form, () => {
    recovery.follow();
    onChanged();
  });
  return (
    <Card title={<h3 style={{ margin: 0 }}>{tr('修复', 'Repair')}</h3>}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ action: 'retry', dryRun: false }}
        onFinish={(v) => void repair.run(v)}
      >
        <RepairFields action={action} />
        <Space direction="vertical" style={{ width: '100%' }}>
          <ProblemAlert error={repair.error} />
          <Button
            type="primary"
            danger={action === 'terminate' || action === 'cancel'}
            htmlType="submit"
            loading={repair.busy}
          >
            {tr('执行', 'Run')}
          </Button>
          {recovery.percent !== null && (
            <div role="status" aria-live="polite">
              {tr('等待案件恢复…', 'Waiting for the case to recover…')}
              <Progress percent={recovery.percent} status="active" showInfo={false} />
            </div>
          )}
          {repair.outcome !== null && <RepairOutcome outcome={repair.outcome} />}
        </Space>
      </Form>
    </Card>
  );
}
