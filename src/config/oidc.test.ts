import { externalIssuerOf, oidcProblems } from './oidc';

const base = {
  NODE_ENV: 'production',
  OIDC_ROLE_CLAIM: 'role',
  OIDC_COUNTIES_CLAIM: 'counties',
  OIDC_POINT_CLAIM: 'point',
};
const complete = {
  ...base,
  OIDC_ISSUER: 'https://idp.example/realms/staff',
  OIDC_JWKS_URL: 'https://idp.example/realms/staff/certs',
  OIDC_CLIENT_ID: 'gx-workbench',
};

describe("the staff identity provider's settings", () => {
  it('are complete with an issuer, its keys and an audience (the client id by default)', () => {
    expect(oidcProblems(complete)).toEqual([]);
    expect(externalIssuerOf(complete)).toMatchObject({ audience: 'gx-workbench' });
    expect(externalIssuerOf(base)).toBeNull();
  });

  it('name the variable missing beside the other', () => {
    const { OIDC_JWKS_URL: _keys, ...noKeys } = complete;
    expect(oidcProblems(noKeys).map((p) => p.variable)).toEqual(['OIDC_JWKS_URL']);
    const { OIDC_CLIENT_ID: _client, ...noAudience } = complete;
    expect(oidcProblems(noAudience).map((p) => p.variable)).toEqual(['OIDC_AUDIENCE']);
  });

  it('refuse keys fetched over plain http in production only', () => {
    const http = { ...complete, OIDC_JWKS_URL: 'http://idp.example/certs' };
    expect(oidcProblems(http).map((p) => p.variable)).toEqual(['OIDC_JWKS_URL']);
    expect(oidcProblems({ ...http, NODE_ENV: 'development' })).toEqual([]);
  });
});
