import { ConfigError, loadConfig } from './config';
import { gatewayAddressesOf, rateLimitsOf, uploadQuotaOf } from './limits';

describe('limits configuration', () => {
  it('has generous defaults: per principal a window, per address ten times that, the platform twenty', () => {
    const config = loadConfig({});
    const limit = (perPrincipal: number) => ({
      perPrincipal,
      perPlatform: perPrincipal * 20,
      perAddress: perPrincipal * 10,
      windowMs: 60_000,
    });
    expect(rateLimitsOf(config)).toEqual({
      submit: limit(300),
      read: limit(1200),
      upload: limit(60),
      ops: limit(600),
      public: limit(600),
    });
    expect(gatewayAddressesOf(config)('127.0.0.1')).toBe(false);
    expect(uploadQuotaOf(config)).toEqual({ maxFiles: 20, maxBytes: 50 * 1024 * 1024 });
    expect(config.APPOINTMENT_MAX_LIVE_BOOKINGS).toBe(3);
  });

  it('takes each class’s limit, the window and the address factor from the environment', () => {
    const limits = rateLimitsOf(
      loadConfig({
        RATE_LIMIT_READ: '5',
        RATE_LIMIT_IP_FACTOR: '2',
        RATE_LIMIT_PLATFORM_FACTOR: '3',
        RATE_LIMIT_WINDOW_MS: '1000',
      }),
    );
    expect(limits?.read).toEqual({
      perPrincipal: 5,
      perPlatform: 15,
      perAddress: 10,
      windowMs: 1000,
    });
  });

  it("knows the platform gateway's addresses and ranges, IPv4 ones in their IPv6-mapped form too", () => {
    const isGateway = gatewayAddressesOf(
      loadConfig({ RATE_LIMIT_GATEWAY_ADDRESSES: ' 203.0.113.7, 10.8.0.0/16,2001:db8::/32 ' }),
    );
    expect(
      ['203.0.113.7', '::ffff:203.0.113.7', '10.8.200.1', '2001:db8:1::5'].map(isGateway),
    ).toEqual([true, true, true, true]);
    expect(['203.0.113.8', '10.9.0.1', '2001:db9::1', 'unknown', undefined].map(isGateway)).toEqual(
      [false, false, false, false, false],
    );
  });

  it('names a gateway entry that is not an address or a range', () => {
    for (const entry of [
      'gateway.example',
      '10.0.0.0/33',
      '10.0.0.1/8/8',
      '2001:db8::/129',
      '10.0.0.0/',
    ])
      expect(() => loadConfig({ RATE_LIMIT_GATEWAY_ADDRESSES: `127.0.0.1,${entry}` })).toThrow(
        /RATE_LIMIT_GATEWAY_ADDRESSES: comma-separated IP addresses or CIDR ranges/,
      );
  });

  it('turns rate limits off', () => {
    expect(rateLimitsOf(loadConfig({ RATE_LIMITS: 'off' }))).toBeNull();
  });

  it('names a limit that is not a positive whole number', () => {
    const attempt = () => loadConfig({ RATE_LIMIT_SUBMIT: '0', UPLOAD_MAX_FILES_PER_CASE: 'many' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/RATE_LIMIT_SUBMIT: [\s\S]*UPLOAD_MAX_FILES_PER_CASE: /);
  });
});
