import { Button, Layout, Space, Typography } from 'antd';
import { useState } from 'react';
import { LangSwitch, useLang } from '../shared/i18n';
import { match, navigate } from '../shared/router';
import { currentSession, signOut } from '../shared/session';
import { SignIn } from '../shared/SignIn';
import { Apply } from './Apply';
import { ApplicationDetail } from './ApplicationDetail';
import { MyApplications } from './MyApplications';
import { PublicGuide } from './PublicGuide';

function Page({ path }: { path: string }) {
  let params: Record<string, string> | null;
  if (match('/m/apply', path)) return <Apply />;
  if ((params = match('/m/app/:no', path))) return <ApplicationDetail applicationNo={params.no!} />;
  return <MyApplications />;
}

/** The families' pages (/m), laid out for a phone first. */
export function FamilyApp({ path }: { path: string }) {
  const { tr } = useLang();
  const [session, setSession] = useState(currentSession);
  return (
    <Layout style={{ minHeight: '100vh', background: '#fff' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: '0 12px',
          background: '#0b3d91',
        }}
      >
        <Typography.Text strong style={{ color: '#fff' }}>
          <a
            href="/m"
            style={{ color: '#fff' }}
            onClick={(e) => (e.preventDefault(), navigate('/m'))}
          >
            {tr('入学报名', 'School enrolment')}
          </a>
        </Typography.Text>
        <Space size="small">
          <a
            href="/m/guide"
            style={{ color: '#fff' }}
            onClick={(e) => (e.preventDefault(), navigate('/m/guide'))}
          >
            {tr('办事指南', 'Guide')}
          </a>
          <LangSwitch />
          {session && (
            <Button
              size="small"
              onClick={() => {
                signOut();
                setSession(null);
              }}
            >
              {tr('退出', 'Sign out')}
            </Button>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, maxWidth: 640, width: '100%', margin: '0 auto' }}>
        <main>
          {/* The guide is public: a family reads it before it has an account. */}
          {match('/m/guide', path) ? (
            <PublicGuide />
          ) : session ? (
            <Page path={path} />
          ) : (
            <SignIn audience="family" onSignedIn={() => setSession(currentSession())} />
          )}
        </main>
      </Layout.Content>
    </Layout>
  );
}
