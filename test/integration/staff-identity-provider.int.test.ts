import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import request from 'supertest';
import { signAccessToken } from '../../src/auth/jwt';
import { bundleWorkflows, startHarness, type Harness } from '../support/harness';

/*
 * Staff sign in with the region's identity provider (OIDC): the API, and with it the codec server
 * the Temporal Web UI calls with the signed-in user's token, accepts the tokens it issues,
 * verified with the keys it publishes — and nothing else that claims its name.
 */
const ISSUER = 'https://idp.edu.gxzf.example/realms/staff';
const AUDIENCE = 'gx-enrolment-workbench';

describe("the staff's identity provider", () => {
  let sut: Harness;
  let jwks: Server;
  let providerKey: KeyLike;
  let strangerKey: KeyLike;

  beforeAll(async () => {
    const provider = await generateKeyPair('RS256');
    providerKey = provider.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const published: JWK = { ...(await exportJWK(provider.publicKey)), kid: 'k1', alg: 'RS256' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [published] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    sut = await startHarness({
      workflowBundle: await bundleWorkflows(),
      withoutWorker: true,
      env: {
        OIDC_ISSUER: ISSUER,
        OIDC_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`,
        OIDC_AUDIENCE: AUDIENCE,
      },
    });
  });
  afterAll(async () => {
    await sut?.close();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  /** A token as the provider issues it: its key and issuer, unless a test says otherwise. */
  const issued = (
    claims: Record<string, unknown>,
    o: { key?: KeyLike; audience?: string; expires?: string } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('staff-0042')
      .setIssuer(ISSUER)
      .setAudience(o.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(o.expires ?? '10m')
      .sign(o.key ?? providerKey);
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const plain = {
    metadata: { encoding: Buffer.from('json/plain').toString('base64') },
    data: Buffer.from('"nothing personal"').toString('base64'),
  };
  const decode = (token: string) =>
    request(sut.apiUrl)
      .post('/codec/decode')
      .set(bearer(token))
      .send({ payloads: [plain] });

  it("lets an operator it signed in reach the codec server, as the Web UI passes the user's token", async () => {
    const res = await decode(await issued({ role: 'OPERATOR' }));
    expect(res.status).toBe(200);
    expect(res.body.payloads).toHaveLength(1);
  });

  it("scopes an administrator to the counties of the provider's claim", async () => {
    const admin = bearer(await issued({ role: 'CITY_ADMIN', counties: ['450103'] }));
    expect(
      (await request(sut.apiUrl).get('/admin/counties/450103/schools').set(admin)).status,
    ).toBe(200);
    expect(
      (await request(sut.apiUrl).get('/admin/counties/450703/schools').set(admin)).status,
    ).toBe(403);
  });

  it("scopes a registration point's staff to the point of the provider's claim", async () => {
    const bookings = async (pointId: string, claims: Record<string, unknown>) =>
      (
        await request(sut.apiUrl)
          .get(`/registration-points/${pointId}/bookings`)
          .set(bearer(await issued({ role: 'STAFF', counties: ['450103'], ...claims })))
      ).status;
    expect(await bookings('450103-RP01', { point: '450103-RP01' })).toBe(200);
    expect(await bookings('450103-RP02', { point: '450103-RP01' })).toBe(403);
    expect(await bookings('450103-RP01', {})).toBe(403);
  });

  it('refuses a token signed with a key it did not publish, for another audience, or expired', async () => {
    expect((await decode(await issued({ role: 'OPERATOR' }, { key: strangerKey }))).status).toBe(
      401,
    );
    expect(
      (await decode(await issued({ role: 'OPERATOR' }, { audience: 'another-app' }))).status,
    ).toBe(401);
    expect((await decode(await issued({ role: 'OPERATOR' }, { expires: '-1m' }))).status).toBe(401);
  });

  it("refuses a token in its name signed with this service's own secret, and a family role from it", async () => {
    const forged = await new SignJWT({ role: 'REGION_ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('staff-0042')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(sut.config.AUTH_JWT_SECRET));
    expect((await decode(forged)).status).toBe(401);
    const parent = await issued({ role: 'PARENT' });
    expect((await request(sut.apiUrl).get('/applications').set(bearer(parent))).status).toBe(401);
  });

  it("still accepts this service's own tokens", async () => {
    const own = await signAccessToken(
      { sub: 'operator-own', role: 'OPERATOR' },
      {
        issuer: sut.config.AUTH_ISSUER,
        audience: sut.config.AUTH_AUDIENCE,
        secret: sut.config.AUTH_JWT_SECRET,
      },
    );
    expect((await decode(own)).status).toBe(200);
  });
});
