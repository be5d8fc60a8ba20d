import { Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, query } from '../shared/api';
import { useLang } from '../shared/i18n';
import { useSeasonScope } from '../shared/choices';
import { ProblemAlert, useLoad } from '../shared/ui';
import { RoundsTable, type Round } from './RoundsTable';

/** How often the page asks again while a round is still running (freeze, draw, delivery). */
const FOLLOW_EVERY_MS = 2_000;

/**
 * The bureau's admission rounds of a county, stage and season: start the main round or the next
 * 补录 round, follow it to PUBLISHED, and recompute each from its published inputs.
 */
export function RoundsPage() {
  const { tr } = useLang();
  const { county, stage, seasonYear, pickers } = useSeasonScope();
  const [starting, setStarting] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  const key = { countyCode: county, stage, seasonYear };
  const rounds = useLoad(
    () =>
      /^\d{6}$/.test(county)
        ? api<Round[]>('GET', `/rounds${query(key)}`)
        : Promise.resolve([] as Round[]),
    [county, stage, seasonYear],
  );
  const running = (rounds.value ?? []).some((r) => r.status !== 'PUBLISHED');

  // A round runs in the background: the page follows it until it is published.
  useEffect(() => {
    if (!running || rounds.loading) return;
    const timer = setTimeout(rounds.reload, FOLLOW_EVERY_MS);
    return () => clearTimeout(timer);
  }, [running, rounds.loading, rounds.reload]);

  async function start() {
    setStarting({ busy: true });
    try {
      await api<Round>('POST', '/rounds', { body: key });
      setStarting({ busy: false });
      rounds.reload();
    } catch (error) {
      setStarting({ busy: false, error });
    }
  }

  const next = (rounds.value?.length ?? 0) + 1;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {tr('录取批次', 'Admission rounds')}
      </Typography.Title>
      <Card>
        <Space wrap>
          {pickers}
          <Button
            type="primary"
            loading={starting.busy}
            disabled={running}
            onClick={() => void start()}
          >
            {next === 1
              ? tr('开始录取', 'Start the main round')
              : tr(`开始第 ${next} 轮补录`, `Start round ${next} (补录)`)}
          </Button>
        </Space>
      </Card>
      <ProblemAlert error={starting.error ?? rounds.error} />
      <RoundsTable rounds={rounds.value ?? []} loading={rounds.loading && !rounds.value} />
    </Space>
  );
}
