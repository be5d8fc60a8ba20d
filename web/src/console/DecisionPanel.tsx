import { Alert, Button, Card, Form, Input, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { REJECTION_REASONS, SUPPLEMENT_ITEMS } from '../../../src/domain/review';
import { api, ApiError } from '../shared/api';
import { placeViolations } from '../shared/form-errors';
import { useLang } from '../shared/i18n';
import { confirmsOf, FactList, type FactValues } from './FactList';
import { ProblemAlert } from '../shared/ui';

const DECIDABLE = ['AWAITING_REVIEW', 'AWAITING_OFFLINE_CHECK', 'NEEDS_SUPPLEMENT'];

type Values = Record<string, unknown>;

/** One decision form: posts its body, and puts the API's violations under their fields. */
function ActionForm({
  path,
  fields,
  toBody,
  submitLabel,
  children,
  onDone,
  danger,
}: {
  path: string;
  fields: readonly string[];
  toBody: (values: Values) => unknown;
  submitLabel: string;
  children?: React.ReactNode;
  onDone: (status: string) => void;
  danger?: boolean;
}) {
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      const result = await api<{ status: string }>('POST', path, { body: toBody(values) });
      onDone(result.status);
    } catch (e) {
      const unplaced = placeViolations(form, e, lang, fields);
      // A problem with no field to show it under is shown above the button.
      setError(unplaced.length || !(e instanceof ApiError) || !e.violations.length ? e : null);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
      {children}
      <ProblemAlert error={error} />
      <Button
        type="primary"
        danger={danger}
        htmlType="submit"
        loading={busy}
        style={{ marginTop: 8 }}
      >
        {submitLabel}
      </Button>
    </Form>
  );
}

/** What each decision form needs: the case's path, and what to do with the status it leads to. */
interface DecisionFormProps {
  base: string;
  onDone: (status: string) => void;
}

/** The supplement items, for the reviewer to ask for or to tick as seen. */
function useSupplementItemOptions() {
  const { bi } = useLang();
  return Object.entries(SUPPLEMENT_ITEMS).map(([value, label]) => ({ value, label: bi(label) }));
}

function ApproveForm({ base, onDone }: DecisionFormProps) {
  const { tr } = useLang();
  return (
    <ActionForm
      path={`${base}/decision`}
      fields={[]}
      toBody={() => ({ decision: 'APPROVE' })}
      submitLabel={tr('审核通过', 'Approve')}
      onDone={onDone}
    />
  );
}

/** A rejection names a reason code and, in words of its own, what the family is told. */
function RejectForm({ base, onDone }: DecisionFormProps) {
  const { tr, bi } = useLang();
  return (
    <ActionForm
      path={`${base}/decision`}
      fields={['reasonCode', 'reason']}
      toBody={(v) => ({ decision: 'REJECT', ...v })}
      submitLabel={tr('审核不通过', 'Reject')}
      danger
      onDone={onDone}
    >
      <Form.Item name="reasonCode" label={tr('原因代码', 'Reason code')}>
        <Select
          allowClear
          options={Object.entries(REJECTION_REASONS).map(([value, label]) => ({
            value,
            label: bi(label),
          }))}
        />
      </Form.Item>
      <Form.Item name="reason" label={tr('告知家长的说明', 'Words for the family')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </ActionForm>
  );
}

/** Asks the family for documents; a deadline left empty is the county's default period. */
function SupplementRequestForm({ base, onDone }: DecisionFormProps) {
  const { tr } = useLang();
  const itemOptions = useSupplementItemOptions();
  return (
    <ActionForm
      path={`${base}/supplement-request`}
      fields={['items', 'note', 'deadline']}
      toBody={(v) => ({
        items: v.items ?? [],
        ...(v.note ? { note: v.note } : {}),
        ...(typeof v.deadline === 'string' && v.deadline
          ? { deadline: new Date(v.deadline).toISOString() }
          : {}),
      })}
      submitLabel={tr('发出补充要求', 'Send request')}
      onDone={onDone}
    >
      <Form.Item name="items" label={tr('所需材料', 'Items needed')}>
        <Select mode="multiple" options={itemOptions} />
      </Form.Item>
      <Form.Item name="note" label={tr('说明', 'Note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item
        name="deadline"
        label={tr('截止时间(不填为县区默认期限)', 'Deadline (default: the county period)')}
      >
        <Input type="datetime-local" />
      </Form.Item>
    </ActionForm>
  );
}

/** What staff at a registration point saw of the documents, and whether they matched. */
function OfflineCheckForm({ base, onDone }: DecisionFormProps) {
  const { tr } = useLang();
  const itemOptions = useSupplementItemOptions();
  return (
    <ActionForm
      path={`${base}/offline-check`}
      fields={['registrationPointId', 'staffId', 'itemsSeen', 'outcome', 'confirms', 'note']}
      toBody={({ confirms, ...v }) => {
        // What the documents confirm leads to a new assessment (an unavailable registry's fact).
        const facts = confirmsOf(confirms as FactValues[] | undefined);
        return facts.length ? { ...v, confirms: facts } : v;
      }}
      submitLabel={tr('记录线下核验', 'Record offline check')}
      onDone={onDone}
    >
      <Form.Item name="registrationPointId" label={tr('报名点', 'Registration point')}>
        <Input placeholder="450103-RP01" />
      </Form.Item>
      <Form.Item name="staffId" label={tr('核验人', 'Checked by')}>
        <Input />
      </Form.Item>
      <Form.Item name="itemsSeen" label={tr('查验材料', 'Documents seen')}>
        <Select mode="multiple" options={itemOptions} />
      </Form.Item>
      <Form.Item name="outcome" label={tr('结论', 'Outcome')}>
        <Select
          options={[
            { value: 'VERIFIED', label: tr('核验一致', 'Verified') },
            { value: 'NOT_VERIFIED', label: tr('核验不一致', 'Not verified') },
          ]}
        />
      </Form.Item>
      <Typography.Text>
        {tr('材料确认的事实(核验一致时)', 'Facts the documents confirm (when verified)')}
      </Typography.Text>
      <FactList name="confirms" />
      <Form.Item name="note" label={tr('备注', 'Note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </ActionForm>
  );
}

/** Approve, reject with a reason, request a supplement by a deadline, or record an offline check. */
export function DecisionPanel({
  applicationNo,
  status,
  onDone,
}: {
  applicationNo: string;
  status: string;
  onDone: () => void;
}) {
  const { tr } = useLang();
  const [done, setDone] = useState<string | null>(null);
  // Kept once the case reloads into a status with nothing left to decide: the reviewer still
  // reads what their decision did.
  const doneAlert = done && (
    <Alert type="success" showIcon title={`${tr('已提交,当前状态', 'Done; status now')} ${done}`} />
  );
  if (!DECIDABLE.includes(status))
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        {doneAlert}
        <Alert
          type="info"
          showIcon
          title={tr('当前状态不需审核决定。', 'Nothing to decide in this status.')}
        />
      </Space>
    );
  const decide: DecisionFormProps = {
    base: `/applications/${applicationNo}`,
    onDone: (next) => {
      setDone(next);
      onDone();
    },
  };
  return (
    <Card title={<h3 style={{ margin: 0 }}>{tr('审核决定', 'Decision')}</h3>}>
      {doneAlert}
      <Tabs
        items={[
          { key: 'approve', label: tr('通过', 'Approve'), children: <ApproveForm {...decide} /> },
          { key: 'reject', label: tr('不通过', 'Reject'), children: <RejectForm {...decide} /> },
          {
            key: 'supplement',
            label: tr('要求补充材料', 'Request supplement'),
            children: <SupplementRequestForm {...decide} />,
          },
          {
            key: 'offline',
            label: tr('线下核验', 'Offline check'),
            children: <OfflineCheckForm {...decide} />,
          },
        ]}
      />
    </Card>
  );
}
