import { Button, Card, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { api, query } from '../shared/api';
import { useLang } from '../shared/i18n';
import { ProblemAlert, STATUS_NAMES, useLoad } from '../shared/ui';
import { BatchProgress, BatchResultModal, useBatchApproval } from './BatchApproval';
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
  const batch = useBatchApproval(() => {
    setSelected([]);
    page.reload();
    counts.reload();
  });

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
          onClick={() => void batch.approve(selected)}
        >
          {tr(`批量通过(${selected.length})`, `Approve selected (${selected.length})`)}
        </Button>
        {batch.running && <BatchProgress done={batch.done} total={batch.total} />}
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
      <BatchResultModal result={batch.result} onClose={batch.close} />
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
