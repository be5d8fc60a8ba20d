import { Modal, Progress } from 'antd';
import { useState } from 'react';
import { api } from '../shared/api';
import { useLang } from '../shared/i18n';
import { StatusTag } from '../shared/ui';

/** POST /review/batch-approve's answer (BatchApproveResultDto). */
export interface BatchResult {
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

/** Cases per request: each is a decision on a live case, so the page reports after each few. */
const CHUNK = 5;

interface BatchState {
  running: boolean;
  done: number;
  total: number;
  result?: BatchResult;
  error?: unknown;
}

/**
 * Approves the selected cases a few at a time, so the reviewer sees how far it has got; what was
 * approved before an error stays approved and is listed with it.
 */
export function useBatchApproval(onDone: () => void) {
  const [state, setState] = useState<BatchState>({ running: false, done: 0, total: 0 });
  async function approve(applicationNos: readonly string[]) {
    const total = applicationNos.length;
    const result: BatchResult = { approved: 0, failed: 0, results: [] };
    setState({ running: true, done: 0, total });
    try {
      for (let i = 0; i < total; i += CHUNK) {
        const part = await api<BatchResult>('POST', '/review/batch-approve', {
          body: { applicationNos: applicationNos.slice(i, i + CHUNK) },
        });
        result.approved += part.approved;
        result.failed += part.failed;
        result.results.push(...part.results);
        setState({ running: true, done: result.results.length, total });
      }
      setState({ running: false, done: total, total, result });
    } catch (error) {
      setState({ running: false, done: result.results.length, total, result, error });
    } finally {
      onDone();
    }
  }
  const close = () => setState({ running: false, done: 0, total: 0 });
  return { ...state, approve, close };
}

/** The batch under way: cases decided of those selected. */
export function BatchProgress({ done, total }: { done: number; total: number }) {
  const { tr } = useLang();
  return (
    <Progress
      aria-label={tr(`批量审核进度 ${done}/${total}`, `Batch approval ${done}/${total}`)}
      data-batch-done={done}
      percent={total ? Math.floor((done * 100) / total) : 0}
      format={() => `${done}/${total}`}
      status="normal"
      style={{ width: 240 }}
    />
  );
}

/** What a batch approval did, case by case. */
export function BatchResultModal({
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
