import { Button, Card, Modal, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { api, query } from '../shared/api';
import { useLang } from '../shared/i18n';
import { ProblemAlert, STATUS_NAMES, StatusTag, useLoad } from '../shared/ui';
import { QueueFilters, type Filters } from './QueueFilters';
import { QueueTable, type QueueItem } from './QueueTable';

interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}
interface Counts {
  byStatus: Record<string, number>;
  overdue: number;
}
interface BatchResult {
  approved: number;
  failed: number;
  results: Array<{
    applicationNo: string;
    ok: boolean;
    status?: string;
    code?: string;
    detail?: string;
  }>;
}

/** The reviewer's queue: filtered and paged by the server, with counts, overdue marks and batch approval. */
export function ReviewQueue() {
  const { tr } = useLang();
  const [filters, setFilters] = useState<Filters>({ sort: 'submitted' });
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const counts = useLoad(() => api<Counts>('GET', '/review/counts'), []);
  const page = useLoad(
    () => api<QueuePage>('GET', `/review/queue${query({ ...filters, cursor, limit: 20 })}`),
    [filters, cursor],
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [batch, setBatch] = useState<{ running: boolean; result?: BatchResult; error?: unknown }>({
    running: false,
  });

  async function approveSelected() {
    setBatch({ running: true });
    try {
      const result = await api<BatchResult>('POST', '/review/batch-approve', {
        body: { applicationNos: selected },
      });
      setBatch({ running: false, result });
      setSelected([]);
      page.reload();
      counts.reload();
    } catch (error) {
      setBatch({ running: false, error });
    }
  }

  const change = (next: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setCursors([]);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {tr('审核队列', 'Review queue')}
      </Typography.Title>
      <QueueCounts counts={counts.value} />
      <Space wrap>
        <QueueFilters filters={filters} change={change} />
        <Button
          type="primary"
          disabled={!selected.length}
          loading={batch.running}
          onClick={() => void approveSelected()}
        >
          {tr(`批量通过(${selected.length})`, `Approve selected (${selected.length})`)}
        </Button>
      </Space>
      <ProblemAlert error={page.error ?? batch.error} />
      <QueueTable
        items={page.value?.items ?? []}
        loading={page.loading}
        selected={selected}
        onSelect={setSelected}
      />
      <Space>
        <Button disabled={!cursors.length} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {tr('上一页', 'Previous')}
        </Button>
        <Button
          disabled={!page.value?.nextCursor}
          onClick={() =>
            page.value?.nextCursor && setCursors((c) => [...c, page.value!.nextCursor!])
          }
        >
          {tr('下一页', 'Next')}
        </Button>
      </Space>
      <BatchResultModal result={batch.result} onClose={() => setBatch({ running: false })} />
    </Space>
  );
}

/** Cases per status and the overdue ones, over the reviewer's whole scope. */
function QueueCounts({ counts }: { counts: Counts | undefined }) {
  const { tr, bi } = useLang();
  return (
    <Card>
      <Space size="large" wrap>
        {Object.entries(counts?.byStatus ?? {}).map(([status, n]) => (
          <Statistic
            key={status}
            title={bi(
              STATUS_NAMES[status as keyof typeof STATUS_NAMES] ?? { zh: status, en: status },
            )}
            value={n}
          />
        ))}
        <Statistic
          title={tr('已超期', 'Overdue')}
          value={counts?.overdue ?? 0}
          valueStyle={{ color: '#b3261e' }}
        />
      </Space>
    </Card>
  );
}

/** What a batch approval did, case by case. */
function BatchResultModal({
  result,
  onClose,
}: {
  result: BatchResult | undefined;
  onClose: () => void;
}) {
  const { tr } = useLang();
  return (
    <Modal
      open={!!result}
      title={tr('批量审核结果', 'Batch approval')}
      onOk={onClose}
      onCancel={onClose}
    >
      <p>
        {tr('通过', 'Approved')} {result?.approved} · {tr('失败', 'Failed')} {result?.failed}
      </p>
      <ul>
        {result?.results.map((r) => (
          <li key={r.applicationNo}>
            {r.applicationNo}:{' '}
            {r.ok ? <StatusTag status={r.status ?? null} /> : `${r.code ?? ''} ${r.detail ?? ''}`}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
