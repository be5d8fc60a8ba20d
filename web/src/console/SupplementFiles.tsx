import { Button, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { blobUrl } from '../shared/api';
import { useLang } from '../shared/i18n';
import { EmptyText, ProblemAlert } from '../shared/ui';

interface Document {
  sha256: string;
  mimeType: string;
  size: number;
  fileName: string;
  href: string;
}
export interface CaseFile {
  statement: unknown;
  supplementRequest: unknown;
  supplements: Array<{
    seq: number;
    actor: string;
    providedAt: string;
    items: Array<{
      item: string;
      label: { zh: string; en: string } | null;
      text: string | null;
      attachments: Document[];
    }>;
  }>;
  attachments: Array<Document & { uploadedBy: string; uploadedAt: string }>;
}

/** Opens a document in place: fetched with the token, shown as an image or a PDF frame. */
function Viewer({ document, onClose }: { document: Document | null; onClose: () => void }) {
  const { tr } = useLang();
  const [shown, setShown] = useState<{ url: string; type: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  if (document && loadedFor !== document.sha256) {
    setLoadedFor(document.sha256);
    setShown(null);
    blobUrl(document.href).then(setShown, setError);
  }
  return (
    <Modal
      open={!!document}
      title={document?.fileName}
      footer={null}
      onCancel={onClose}
      width={820}
    >
      <ProblemAlert error={error} />
      {shown?.type.startsWith('image/') && (
        <img
          src={shown.url}
          alt={document?.fileName ?? tr('材料', 'Document')}
          style={{ maxWidth: '100%' }}
        />
      )}
      {shown?.type === 'application/pdf' && (
        <iframe
          title={document?.fileName ?? 'PDF'}
          src={shown.url}
          style={{ width: '100%', height: 600, border: 0 }}
        />
      )}
    </Modal>
  );
}

/** The supplements the family provided and their documents, each viewable inline. */
export function SupplementFiles({ file }: { file: CaseFile | undefined }) {
  const { tr, bi } = useLang();
  const [open, setOpen] = useState<Document | null>(null);
  if (!file) return null;
  return (
    <>
      {file.supplementRequest ? (
        <Typography.Paragraph>
          <Tag color="orange">{tr('补充材料请求未答复', 'Supplement request open')}</Tag>
        </Typography.Paragraph>
      ) : null}
      <List
        locale={{ emptyText: <EmptyText>{tr('暂无补充材料', 'No supplements yet')}</EmptyText> }}
        dataSource={file.supplements}
        renderItem={(s) => (
          <List.Item>
            <Space direction="vertical">
              <span>
                #{s.seq} · {new Date(s.providedAt).toLocaleString()} · {s.actor}
              </span>
              {s.items.map((item) => (
                <div key={item.item}>
                  <strong>{item.label ? bi(item.label) : item.item}</strong>
                  {item.text && <span>: {item.text}</span>}
                  <div>
                    {item.attachments.map((d) => (
                      <Button key={d.sha256} type="link" onClick={() => setOpen(d)}>
                        {tr('查看', 'View')} {d.fileName}
                      </Button>
                    ))}
                  </div>
                </div>
              ))}
            </Space>
          </List.Item>
        )}
      />
      <Viewer document={open} onClose={() => setOpen(null)} />
    </>
  );
}
