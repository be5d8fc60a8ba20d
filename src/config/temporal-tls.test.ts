import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { temporalConnectionOptions } from '../temporal/client';
import { loadConfig } from './config';

const dir = mkdtempSync(join(tmpdir(), 'temporal-tls-'));
const pem = (name: string) => {
  const path = join(dir, name);
  writeFileSync(path, `-----BEGIN ${name}-----\n-----END ${name}-----\n`);
  return path;
};
const files = { cert: pem('cert.pem'), key: pem('key.pem'), ca: pem('ca.pem') };

describe('Temporal TLS settings', () => {
  it('connects without TLS when none is set', () => {
    expect(temporalConnectionOptions(loadConfig({}))).toEqual({ address: '127.0.0.1:7233' });
  });

  it('passes the PEM files and the server name to the connection as mTLS', () => {
    const config = loadConfig({
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      TEMPORAL_TLS_CERT: files.cert,
      TEMPORAL_TLS_KEY: files.key,
      TEMPORAL_TLS_CA: files.ca,
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
    });
    const options = temporalConnectionOptions(config);
    expect(options.address).toBe('temporal.internal:7233');
    expect(options.tls?.serverNameOverride).toBe('temporal.internal');
    expect(options.tls?.clientCertPair?.crt.toString()).toContain('BEGIN cert.pem');
    expect(options.tls?.clientCertPair?.key.toString()).toContain('BEGIN key.pem');
    expect(options.tls?.serverRootCACertificate?.toString()).toContain('BEGIN ca.pem');
  });

  it('refuses at start a file that is missing, naming the variable and the path', () => {
    const missing = join(dir, 'absent.pem');
    expect(() =>
      loadConfig({
        TEMPORAL_TLS_CERT: files.cert,
        TEMPORAL_TLS_KEY: missing,
        TEMPORAL_TLS_CA: missing,
      }),
    ).toThrow(
      new RegExp(
        `TEMPORAL_TLS_KEY: cannot read ${missing} \\(ENOENT\\)\\n\\s*TEMPORAL_TLS_CA: cannot read`,
      ),
    );
  });

  it('refuses a certificate without its key', () => {
    expect(() => loadConfig({ TEMPORAL_TLS_CERT: files.cert })).toThrow(
      /TEMPORAL_TLS_KEY: TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together/,
    );
  });
});
