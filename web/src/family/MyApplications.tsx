import { Alert, Button, Card, List, Space, Typography } from 'antd';
import { api } from '../shared/api';
import { useLang } from '../shared/i18n';
import { navigate } from '../shared/router';
import { EmptyText, ProblemAlert, StatusTag, useLoad } from '../shared/ui';

interface Mine {
  applicationNo: string;
  stage: string;
  status: string;
  childName: string;
  submittedAt: string;
  guidance: { actionRequired: boolean; zh: string; en: string };
}

/** The family's applications, each with its status and what to do next. */
export function MyApplications() {
  const { tr, bi } = useLang();
  const mine = useLoad(() => api<Mine[]>('GET', '/applications'), []);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {tr('我的报名', 'My applications')}
      </Typography.Title>
      <Button type="primary" block onClick={() => navigate('/m/apply')}>
        {tr('新的报名', 'New application')}
      </Button>
      <ProblemAlert error={mine.error} />
      <List
        loading={mine.loading}
        dataSource={mine.value ?? []}
        locale={{ emptyText: <EmptyText>{tr('还没有报名', 'No applications yet')}</EmptyText> }}
        renderItem={(a) => (
          <List.Item>
            <Card
              style={{ width: '100%' }}
              title={
                <a
                  href={`/m/app/${a.applicationNo}`}
                  onClick={(e) => (e.preventDefault(), navigate(`/m/app/${a.applicationNo}`))}
                >
                  {a.childName} · {a.applicationNo}
                </a>
              }
              extra={<StatusTag status={a.status} />}
            >
              <Alert
                type={a.guidance.actionRequired ? 'warning' : 'info'}
                showIcon
                title={bi(a.guidance)}
              />
            </Card>
          </List.Item>
        )}
      />
    </Space>
  );
}
