import { Button, Card, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../shared/api';
import { useLang } from '../shared/i18n';
import { currentSession, sessionCounties } from '../shared/session';
import { ProblemAlert, useLoad } from '../shared/ui';

/** A school as GET /admin/counties/:code/schools returns it (SchoolRowDto). */
interface SchoolRow {
  id: string;
  countyCode: string;
  stage: string;
  nameZh: string;
  type: 'PUBLIC' | 'PRIVATE';
  places: number;
  catchmentUnits: string[];
  feederPrimaryIds: string[];
  locationX: number;
  locationY: number;
  address: string | null;
  catchmentDescription: string;
}

/**
 * The PUT body that keeps everything of the row but its new places (SchoolDto takes it whole); an
 * emptied field goes as null, so the API's own rule names it.
 */
function withPlaces(row: SchoolRow, places: number | null) {
  const { id: _id, locationX, locationY, address, ...rest } = row;
  return {
    ...rest,
    places,
    location: { x: locationX, y: locationY },
    ...(address ? { address } : {}),
  };
}

/**
 * The bureau's places (招生计划) per school of a county: changed here, the county's warnings are
 * recomputed at once; a drawn round keeps what it froze.
 */
export function SchoolPlaces() {
  const { tr } = useLang();
  const [county, setCounty] = useState(sessionCounties(currentSession())[0] ?? '');
  const schools = useLoad(
    () =>
      /^\d{6}$/.test(county)
        ? api<SchoolRow[]>('GET', `/admin/counties/${county}/schools`)
        : Promise.resolve([] as SchoolRow[]),
    [county],
  );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {tr('学校与学位', 'Schools and places')}
      </Typography.Title>
      <Input
        aria-label={tr('县区代码', 'County code')}
        style={{ width: 140 }}
        value={county}
        onChange={(e) => setCounty(e.target.value.trim())}
      />
      <ProblemAlert error={schools.error} />
      <Card>
        <Table
          data-testid="schools"
          rowKey="id"
          size="small"
          loading={schools.loading}
          dataSource={schools.value ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: tr('学校编号', 'School'), dataIndex: 'id' },
            { title: tr('名称', 'Name'), dataIndex: 'nameZh' },
            { title: tr('学段', 'Stage'), dataIndex: 'stage' },
            {
              title: tr('招生计划', 'Places'),
              render: (_: unknown, row: SchoolRow) => (
                <PlacesEditor key={`${row.id}-${row.places}`} row={row} onSaved={schools.reload} />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/** One school's places, saved with PUT /admin/schools/:id; the API's rule shows beside it. */
function PlacesEditor({ row, onSaved }: { row: SchoolRow; onSaved: () => void }) {
  const { tr } = useLang();
  const [places, setPlaces] = useState<number | null>(row.places);
  const [state, setState] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  async function save() {
    setState({ busy: true });
    try {
      await api('PUT', `/admin/schools/${row.id}`, { body: withPlaces(row, places) });
      setState({ busy: false });
      onSaved();
    } catch (error) {
      setState({ busy: false, error });
    }
  }
  return (
    <Space direction="vertical" size={4}>
      <Space>
        <InputNumber
          aria-label={tr(`${row.nameZh}的招生计划`, `Places at ${row.id}`)}
          value={places}
          onChange={setPlaces}
        />
        <Button
          size="small"
          loading={state.busy}
          disabled={places === row.places}
          onClick={() => void save()}
        >
          {tr('保存', 'Save')}
        </Button>
      </Space>
      <ProblemAlert error={state.error} />
    </Space>
  );
}
