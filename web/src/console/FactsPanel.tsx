import { Button, Card, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../shared/api';
import { placeViolations } from '../shared/form-errors';
import { useLang } from '../shared/i18n';
import { ProblemAlert } from '../shared/ui';
import { confirmsOf, FactList, type FactValues } from './FactList';

interface Values {
  source: 'SUPPLEMENT' | 'CORRECTION';
  confirms?: FactValues[];
  note?: string;
}

/**
 * A reviewer confirms facts from the family's supplement, or corrects them
 * (POST /applications/:no/facts): each leads to a new assessment, shown beside the checks. Policy
 * care (军人子女, 烈士子女 …) is confirmed here, with the document the family sent.
 */
export function FactsPanel({
  applicationNo,
  onDone,
}: {
  applicationNo: string;
  onDone: () => void;
}) {
  const { tr, lang } = useLang();
  const [form] = Form.useForm<Values>();
  const [state, setState] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  async function submit(values: Values) {
    setState({ busy: true });
    try {
      await api('POST', `/applications/${applicationNo}/facts`, {
        body: { ...values, confirms: confirmsOf(values.confirms) },
      });
      form.resetFields();
      setState({ busy: false });
      onDone();
    } catch (error) {
      const unplaced = placeViolations(form, error, lang, ['source', 'confirms', 'note']);
      const shown = unplaced.length || !(error instanceof ApiError) || !error.violations.length;
      setState({ busy: false, error: shown ? error : undefined });
    }
  }
  return (
    <Card title={<h3 style={{ margin: 0 }}>{tr('确认或更正事实', 'Confirm or correct facts')}</h3>}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ source: 'SUPPLEMENT' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="source" label={tr('依据', 'Source')}>
          <Select
            style={{ width: 260 }}
            options={[
              { value: 'SUPPLEMENT', label: tr('家长补充的材料', "The family's supplement") },
              { value: 'CORRECTION', label: tr('审核员更正', "The reviewer's correction") },
            ]}
          />
        </Form.Item>
        <FactList name="confirms" />
        <Form.Item name="note" label={tr('说明(记入审计)', 'Note (for the audit log)')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <ProblemAlert error={state.error} />
        <Button htmlType="submit" loading={state.busy} style={{ marginTop: 8 }}>
          {tr('确认事实并重新评估', 'Confirm and reassess')}
        </Button>
      </Form>
    </Card>
  );
}
