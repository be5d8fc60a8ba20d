import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, query } from './api';
import { useLang } from './i18n';
import { saveSession } from './session';
import { ProblemAlert, useLoad } from './ui';

interface SignInOptions {
  devSignIn: boolean;
  oidc: { authorizeUrl: string; clientId: string } | null;
}

const STAFF_ROLES = [
  { value: 'REVIEWER', zh: '审核员(县教育局)', en: 'Reviewer (county bureau)' },
  { value: 'OPERATOR', zh: '运维值班', en: 'Operator (on call)' },
  { value: 'CITY_ADMIN', zh: '市教育局管理员', en: 'City bureau administrator' },
  { value: 'REGION_ADMIN', zh: '自治区教育厅管理员', en: 'Regional administrator' },
  { value: 'AUDITOR', zh: '审计员', en: 'Auditor' },
];

interface PickerValues {
  role: string;
  sub: string;
  counties?: string;
  guardianIdNumber?: string;
}

type Audience = 'staff' | 'family';

/** Where the identity provider is asked for a token that comes back to this page; null without OIDC. */
function oidcRedirect(oidc: SignInOptions['oidc'] | undefined): string | null {
  return oidc
    ? `${oidc.authorizeUrl}${query({
        client_id: oidc.clientId,
        response_type: 'token',
        redirect_uri: `${window.location.origin}${window.location.pathname}`,
      })}`
    : null;
}

/** Mints a development token for the picked role and keeps it as the session. */
function useDevSignIn(onSignedIn: () => void) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function signIn(values: PickerValues) {
    setBusy(true);
    setError(null);
    try {
      const counties = (values.counties ?? '').split(/[\s,]+/).filter(Boolean);
      const { token } = await api<{ token: string }>('POST', '/auth/dev-token', {
        body: {
          role: values.role,
          sub: values.sub,
          counties,
          ...(values.guardianIdNumber ? { guardianIdNumber: values.guardianIdNumber } : {}),
        },
      });
      saveSession({ token, role: values.role, sub: values.sub });
      onSignedIn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return { error, busy, signIn };
}

/** Staff pick a role and the counties it covers. */
function StaffPickerFields() {
  const { tr, lang } = useLang();
  return (
    <>
      <Form.Item name="role" label={tr('角色', 'Role')} rules={[{ required: true }]}>
        <Select
          options={STAFF_ROLES.map((r) => ({
            value: r.value,
            label: lang === 'zh' ? r.zh : r.en,
          }))}
        />
      </Form.Item>
      <Form.Item name="counties" label={tr('负责县区代码', 'County codes')}>
        <Input placeholder="450103" />
      </Form.Item>
    </>
  );
}

/** A family is always a parent (the role is a hidden field), named by the guardian's ID number. */
function FamilyPickerFields() {
  const { tr } = useLang();
  return (
    <>
      <Form.Item name="role" hidden>
        <Input />
      </Form.Item>
      <Form.Item
        name="guardianIdNumber"
        label={tr('监护人身份证号(实名认证)', "Guardian's ID number (real-name verified)")}
        rules={[{ required: true }]}
      >
        <Input autoComplete="off" inputMode="text" />
      </Form.Item>
    </>
  );
}

/** The development role picker (the API offers it only outside production). */
function DevSignInForm({ audience, onSignedIn }: { audience: Audience; onSignedIn: () => void }) {
  const { tr } = useLang();
  const { error, busy, signIn } = useDevSignIn(onSignedIn);
  return (
    <Form<PickerValues>
      layout="vertical"
      onFinish={(v) => void signIn(v)}
      initialValues={
        audience === 'family'
          ? { role: 'PARENT', sub: 'family-001' }
          : { role: 'REVIEWER', sub: 'reviewer-01', counties: '450103' }
      }
    >
      <Typography.Paragraph type="secondary">
        {tr(
          '开发环境:选择角色登录(生产环境不提供)。',
          'Development: pick a role (not in production).',
        )}
      </Typography.Paragraph>
      {audience === 'staff' ? <StaffPickerFields /> : <FamilyPickerFields />}
      <Form.Item name="sub" label={tr('账号', 'Account')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Space direction="vertical" style={{ width: '100%' }}>
        <ProblemAlert error={error} />
        <Button type="primary" htmlType="submit" loading={busy} block>
          {tr('登录', 'Sign in')}
        </Button>
      </Space>
    </Form>
  );
}

/**
 * Sign-in: in production a redirect to the identity provider (OIDC, configured by environment);
 * in development a role picker that mints a token through POST /auth/dev-token.
 */
export function SignIn({ audience, onSignedIn }: { audience: Audience; onSignedIn: () => void }) {
  const { tr } = useLang();
  const options = useLoad(() => api<SignInOptions>('GET', '/auth/sign-in-options'), []);
  const redirect = oidcRedirect(options.value?.oidc);
  return (
    <main style={{ maxWidth: 440, margin: '32px auto', padding: 16 }}>
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{tr('登录', 'Sign in')}</h1>}>
        {redirect && (
          <Button type="primary" block href={redirect} style={{ marginBottom: 16 }}>
            {tr('统一身份认证登录', 'Sign in with the identity provider')}
          </Button>
        )}
        {options.value?.devSignIn && <DevSignInForm audience={audience} onSignedIn={onSignedIn} />}
        <ProblemAlert error={options.error} />
      </Card>
    </main>
  );
}
