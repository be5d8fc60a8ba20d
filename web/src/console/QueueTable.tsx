import { Space, Table, Tag } from 'antd';
import { useLang } from '../shared/i18n';
import { navigate } from '../shared/router';
import { StatusTag } from '../shared/ui';

export interface QueueItem {
  applicationNo: string;
  status: string;
  stage: string;
  countyCode: string;
  childName: string;
  submittedAt: string;
  waitingSince: string;
  overdue: boolean;
  firstChoice: string | null;
  firstChoiceTier: number | null;
  checks: string[];
}

/** A page of the review queue: each case links to its review; rows can be selected for batch approval. */
export function QueueTable({
  items,
  loading,
  selected,
  onSelect,
}: {
  items: QueueItem[];
  loading: boolean;
  selected: string[];
  onSelect: (applicationNos: string[]) => void;
}) {
  const { tr } = useLang();
  return (
    <Table<QueueItem>
      rowKey="applicationNo"
      loading={loading}
      dataSource={items}
      pagination={false}
      rowSelection={{
        selectedRowKeys: selected,
        onChange: (keys) => onSelect(keys as string[]),
      }}
      columns={[
        {
          title: tr('申请编号', 'Application'),
          dataIndex: 'applicationNo',
          render: (no: string) => (
            <a
              href={`/console/review/${no}`}
              onClick={(e) => (e.preventDefault(), navigate(`/console/review/${no}`))}
            >
              {no}
            </a>
          ),
        },
        { title: tr('儿童', 'Child'), dataIndex: 'childName' },
        {
          title: tr('状态', 'Status'),
          dataIndex: 'status',
          render: (s: string) => <StatusTag status={s} />,
        },
        {
          title: tr('第一志愿 / 类别', 'First choice / tier'),
          render: (_, r) => `${r.firstChoice ?? '—'} / ${r.firstChoiceTier ?? '—'}`,
        },
        {
          title: tr('核验', 'Checks'),
          dataIndex: 'checks',
          render: (checks: string[]) =>
            checks.map((c) => (
              <Tag key={c} color={c.endsWith(':MATCH') ? 'green' : 'orange'}>
                {c}
              </Tag>
            )),
        },
        {
          title: tr('等待自', 'Waiting since'),
          render: (_, r) => (
            <Space>
              {new Date(r.waitingSince).toLocaleString()}
              {r.overdue && <Tag color="red">{tr('超期', 'Overdue')}</Tag>}
            </Space>
          ),
        },
      ]}
    />
  );
}
