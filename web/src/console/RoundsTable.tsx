import { Alert, Button, Progress, Space, Steps, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../shared/api';
import { useLang } from '../shared/i18n';
import { ProblemAlert } from '../shared/ui';

/** A round as GET /rounds returns it (src/api/rounds/dto.ts). */
export interface Round {
  roundId: string;
  sequence: number;
  kind: 'MAIN' | 'SUPPLEMENTARY';
  status: 'CREATED' | 'FROZEN' | 'DRAWN' | 'PUBLISHED';
  mechanism: string;
  seedCommitment: string;
  seed: string | null;
  applicantListHash: string | null;
  schools: Array<{ schoolId: string; capacity: number; admitted: number; bureau: number }> | null;
  delivery: { results: number; delivered: number } | null;
}

interface Verification {
  verdict: 'MATCH' | 'MISMATCH';
  differences: string[];
}

/** A round's way from start to publication, as the admissionRound workflow takes it. */
const PROGRESS = [
  { status: 'CREATED', zh: '已创建', en: 'Created' },
  { status: 'FROZEN', zh: '名单已冻结', en: 'Applicants frozen' },
  { status: 'DRAWN', zh: '已摇号分配', en: 'Drawn' },
  { status: 'PUBLISHED', zh: '已发布', en: 'Published' },
];

/** Results taken by the families' cases, of those drawn: a county's delivery takes a while. */
function DeliveryProgress({ results, delivered }: { results: number; delivered: number }) {
  const { tr } = useLang();
  const label = tr(
    `结果已送达 ${delivered}/${results}`,
    `Results delivered ${delivered}/${results}`,
  );
  return (
    <Progress
      aria-label={label}
      data-delivered={delivered}
      data-results={results}
      percent={results ? Math.floor((delivered * 100) / results) : 100}
      format={() => `${delivered}/${results}`}
      // Not antd's green "success" at 100 %: its text is 2.2:1 on the table's ground.
      status="normal"
      size="small"
    />
  );
}

const short = (hash: string | null) => (hash ? `${hash.slice(0, 12)}…` : '—');

/** The season's rounds: progress, commitment and seed, per-school results and verification. */
export function RoundsTable({ rounds, loading }: { rounds: readonly Round[]; loading: boolean }) {
  const { tr, bi } = useLang();
  return (
    <Table
      data-testid="rounds"
      rowKey="roundId"
      loading={loading}
      dataSource={[...rounds]}
      pagination={false}
      expandable={{
        rowExpandable: (r) => !!r.schools?.length,
        expandedRowRender: (r) => <SchoolResults round={r} />,
      }}
      columns={[
        {
          title: tr('批次', 'Round'),
          render: (_: unknown, r: Round) =>
            r.kind === 'MAIN'
              ? tr('主批次', 'Main')
              : tr(`第 ${r.sequence} 轮补录`, `补录 ${r.sequence}`),
        },
        {
          title: tr('进度', 'Progress'),
          render: (_: unknown, r: Round) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Steps
                size="small"
                data-round-status={r.status}
                current={PROGRESS.findIndex((p) => p.status === r.status)}
                items={PROGRESS.map((p) => ({ title: bi(p) }))}
              />
              {r.delivery && <DeliveryProgress {...r.delivery} />}
            </Space>
          ),
        },
        {
          title: tr('种子承诺 / 种子', 'Seed commitment / seed'),
          render: (_: unknown, r: Round) => (
            <Typography.Text code>
              {short(r.seedCommitment)} / {short(r.seed)}
            </Typography.Text>
          ),
        },
        {
          title: tr('核验', 'Verification'),
          render: (_: unknown, r: Round) => <VerifyRound round={r} />,
        },
      ]}
    />
  );
}

/** Recomputes a drawn round from its published inputs (GET /rounds/:id/verify). */
function VerifyRound({ round }: { round: Round }) {
  const { tr } = useLang();
  const [state, setState] = useState<{ busy: boolean; result?: Verification; error?: unknown }>({
    busy: false,
  });
  if (round.status !== 'DRAWN' && round.status !== 'PUBLISHED') return <span>—</span>;
  async function verify() {
    setState({ busy: true });
    try {
      setState({
        busy: false,
        result: await api<Verification>('GET', `/rounds/${round.roundId}/verify`),
      });
    } catch (error) {
      setState({ busy: false, error });
    }
  }
  const result = state.result;
  return (
    <>
      <Button size="small" loading={state.busy} onClick={() => void verify()}>
        {tr('重新计算核验', 'Recompute and compare')}
      </Button>
      <ProblemAlert error={state.error} />
      {result && (
        <Alert
          data-verdict={result.verdict}
          type={result.verdict === 'MATCH' ? 'success' : 'error'}
          showIcon
          title={
            result.verdict === 'MATCH'
              ? tr('一致:结果可复现', 'MATCH: the result is reproduced')
              : tr('不一致', 'MISMATCH')
          }
          description={result.differences.length ? result.differences.join('; ') : undefined}
        />
      )}
    </>
  );
}

/** Per school of a drawn round: places it had, admitted by choice, placed by the bureau. */
function SchoolResults({ round }: { round: Round }) {
  const { tr } = useLang();
  return (
    <Table
      rowKey="schoolId"
      size="small"
      pagination={false}
      dataSource={round.schools ?? []}
      columns={[
        { title: tr('学校', 'School'), dataIndex: 'schoolId' },
        { title: tr('学位', 'Places'), dataIndex: 'capacity' },
        { title: tr('录取', 'Admitted'), dataIndex: 'admitted' },
        { title: tr('统筹', 'By the bureau'), dataIndex: 'bureau' },
      ]}
    />
  );
}
