import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useState } from 'react';
import { LangSwitch, useLang } from '../shared/i18n';
import { match, navigate } from '../shared/router';
import { currentSession, signOut } from '../shared/session';
import { SignIn } from '../shared/SignIn';
import { BureauPage } from './BureauPage';
import { CaseReview } from './CaseReview';
import { InspectCase } from './InspectCase';
import { PolicyPage } from './PolicyPage';
import { ReviewQueue } from './ReviewQueue';
import { RoundsPage } from './RoundsPage';
import { SchoolPlaces } from './SchoolPlaces';
import { StuckCases } from './StuckCases';

const REPAIRERS = ['OPERATOR', 'CITY_ADMIN', 'REGION_ADMIN', 'AUDITOR'];
const BUREAU = ['CITY_ADMIN', 'REGION_ADMIN'];

function homeOf(role: string): string {
  if (role === 'REVIEWER') return '/console/review';
  if (BUREAU.includes(role)) return '/console/bureau';
  return '/console/ops';
}

function Page({ path }: { path: string }) {
  let params: Record<string, string> | null;
  if ((params = match('/console/review/:no', path)))
    return <CaseReview applicationNo={params.no!} />;
  if (match('/console/review', path)) return <ReviewQueue />;
  if ((params = match('/console/ops/:no', path))) return <InspectCase applicationNo={params.no!} />;
  if (match('/console/ops', path)) return <StuckCases />;
  if (match('/console/bureau', path)) return <BureauPage />;
  if (match('/console/rounds', path)) return <RoundsPage />;
  if (match('/console/schools', path)) return <SchoolPlaces />;
  if (match('/console/policy', path)) return <PolicyPage />;
  return null;
}

/** The staff workbench: reviewers, operators and bureaus, each with the pages of their role. */
export function ConsoleApp({ path }: { path: string }) {
  const { tr } = useLang();
  const [session, setSession] = useState(currentSession);
  if (!session)
    return (
      <SignIn
        audience="staff"
        onSignedIn={() => {
          const next = currentSession();
          setSession(next);
          if (next) navigate(homeOf(next.role));
        }}
      />
    );
  if (path === '/console' || path === '/console/') {
    navigate(homeOf(session.role));
    return null;
  }
  const items = [
    ...(session.role === 'REVIEWER'
      ? [{ key: '/console/review', label: tr('审核队列', 'Review queue') }]
      : []),
    ...(REPAIRERS.includes(session.role)
      ? [{ key: '/console/ops', label: tr('运维控制台', 'Operations') }]
      : []),
    ...(BUREAU.includes(session.role)
      ? [
          { key: '/console/bureau', label: tr('预警与报表', 'Warnings and reports') },
          { key: '/console/rounds', label: tr('录取批次', 'Admission rounds') },
          { key: '/console/schools', label: tr('学校与学位', 'Schools and places') },
          { key: '/console/policy', label: tr('招生政策', 'Admission policy') },
        ]
      : []),
  ];
  const selected = items.find((i) => path.startsWith(i.key))?.key;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#0b3d91' }}
      >
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          {tr('义务教育入学工作台', 'Enrolment workbench')}
        </Typography.Text>
        <nav aria-label={tr('主导航', 'Main navigation')} style={{ flex: 1 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            style={{ background: 'transparent' }}
            selectedKeys={selected ? [selected] : []}
            items={items}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
        <Space>
          <Typography.Text style={{ color: '#fff' }}>
            {session.sub} · {session.role}
          </Typography.Text>
          <LangSwitch />
          <Button
            size="small"
            onClick={() => {
              signOut();
              setSession(null);
            }}
          >
            {tr('退出', 'Sign out')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <main>
          <Page path={path} />
        </main>
      </Layout.Content>
    </Layout>
  );
}
