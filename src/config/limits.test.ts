import { ConfigError, loadConfig } from './config';
import { rateLimitsOf, uploadQuotaOf } from './limits';

describe('limits configuration', () => {
  it('has generous defaults: per principal a window, per address ten times that', () => {
    const config = loadConfig({});
    expect(rateLimitsOf(config)).toEqual({
      submit: { perPrincipal: 300, perAddress: 3000, windowMs: 60_000 },
      read: { perPrincipal: 1200, perAddress: 12_000, windowMs: 60_000 },
      upload: { perPrincipal: 60, perAddress: 600, windowMs: 60_000 },
      ops: { perPrincipal: 600, perAddress: 6000, windowMs: 60_000 },
      public: { perPrincipal: 600, perAddress: 6000, windowMs: 60_000 },
    });
    expect(uploadQuotaOf(config)).toEqual({ maxFiles: 20, maxBytes: 50 * 1024 * 1024 });
    expect(config.APPOINTMENT_MAX_LIVE_BOOKINGS).toBe(3);
  });

  it('takes each class’s limit, the window and the address factor from the environment', () => {
    const limits = rateLimitsOf(
      loadConfig({ RATE_LIMIT_READ: '5', RATE_LIMIT_IP_FACTOR: '2', RATE_LIMIT_WINDOW_MS: '1000' }),
    );
    expect(limits?.read).toEqual({ perPrincipal: 5, perAddress: 10, windowMs: 1000 });
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
