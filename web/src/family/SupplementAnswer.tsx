import { Button, Card, Form, Input, List, Select, Space, type FormInstance } from 'antd';
import { useState } from 'react';
import { SUPPLEMENT_ITEMS } from '../../../src/domain/review';
import { api } from '../shared/api';
import { placeViolations } from '../shared/form-errors';
import { useLang } from '../shared/i18n';
import { ProblemAlert } from '../shared/ui';

interface Uploaded {
  sha256: string;
  fileName: string;
}

/** The items the bureau's request names (its words are on the timeline). */
function requestedItems(requestText: string): string[] {
  return Object.entries(SUPPLEMENT_ITEMS)
    .filter(([code, label]) => requestText.includes(code) || requestText.includes(label.zh))
    .map(([code]) => code);
}

interface AnswerValues {
  item: string;
  text?: string;
}

/**
 * The answer's files, uploaded one by one, and the answer that sends them; both share one busy
 * label, which the send button shows, and one error.
 */
function useSupplementAnswer(
  applicationNo: string,
  form: FormInstance<AnswerValues>,
  onDone: () => void,
) {
  const { tr, lang } = useLang();
  const [files, setFiles] = useState<Uploaded[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function upload(file: File) {
    setBusy(tr('上传中…', 'Uploading…'));
    setError(null);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      const uploaded = await api<Uploaded>('POST', `/applications/${applicationNo}/attachments`, {
        form: body,
      });
      setFiles((f) => [...f, uploaded]);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  async function send(values: AnswerValues) {
    setBusy(tr('提交中…', 'Sending…'));
    setError(null);
    try {
      await api('POST', `/applications/${applicationNo}/supplement`, {
        body: {
          items: [
            {
              item: values.item,
              ...(values.text ? { text: values.text } : {}),
              attachments: files.map((f) => f.sha256),
            },
          ],
        },
      });
      onDone();
    } catch (e) {
      placeViolations(form, e, lang, []);
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return { files, busy, error, upload, send };
}

/** A photo from the phone's camera or a file; the input is cleared so the same file can go again. */
function FilePicker({ onFile }: { onFile: (file: File) => void }) {
  const { tr } = useLang();
  return (
    <Form.Item
      label={tr(
        '拍照或选择文件(JPG、PNG、PDF,5MB 以内)',
        'Photo or file (JPG, PNG, PDF, up to 5 MB)',
      )}
      htmlFor="supplement-file"
    >
      <input
        id="supplement-file"
        type="file"
        accept="image/jpeg,image/png,application/pdf"
        capture="environment"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </Form.Item>
  );
}

/** Answers a supplement request: photos or PDFs uploaded one by one, then the answer sent. */
export function SupplementAnswer({
  applicationNo,
  requestText,
  onDone,
}: {
  applicationNo: string;
  requestText: string;
  onDone: () => void;
}) {
  const { tr, bi } = useLang();
  const [form] = Form.useForm<AnswerValues>();
  const answer = useSupplementAnswer(applicationNo, form, onDone);
  const asked = requestedItems(requestText);
  return (
    <Card title={<h3 style={{ margin: 0 }}>{tr('补充材料', 'Provide documents')}</h3>} size="small">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ item: asked[0] ?? 'OTHER' }}
        onFinish={(v) => void answer.send(v)}
      >
        <Form.Item name="item" label={tr('材料名称', 'Document')} rules={[{ required: true }]}>
          <Select
            options={Object.entries(SUPPLEMENT_ITEMS).map(([value, label]) => ({
              value,
              label: bi(label),
            }))}
          />
        </Form.Item>
        <FilePicker onFile={(file) => void answer.upload(file)} />
        <List
          size="small"
          dataSource={answer.files}
          renderItem={(f) => <List.Item data-testid="uploaded">{f.fileName}</List.Item>}
        />
        <Form.Item name="text" label={tr('说明(可选)', 'Note (optional)')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space direction="vertical" style={{ width: '100%' }}>
          <ProblemAlert error={answer.error} />
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={answer.busy !== null}
            disabled={!answer.files.length}
          >
            {answer.busy ?? tr('提交补充材料', 'Send documents')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
