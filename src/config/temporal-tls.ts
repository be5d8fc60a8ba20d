import { accessSync, constants } from 'node:fs';
import { z } from 'zod';

/**
 * mTLS to the Temporal frontend: paths to PEM files. They are checked readable when the
 * configuration is loaded, so a wrong path stops the process at start naming the variable, not
 * at the first connection attempt.
 */
export const temporalTlsSettings = {
  TEMPORAL_TLS_CERT: z.string().min(1).optional().describe('client certificate (PEM)'),
  TEMPORAL_TLS_KEY: z.string().min(1).optional().describe("the client certificate's key (PEM)"),
  TEMPORAL_TLS_CA: z.string().min(1).optional().describe("CA of the server's certificate (PEM)"),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional().describe('server name to verify (SNI)'),
};

type TlsConfig = z.infer<z.ZodObject<typeof temporalTlsSettings>>;

const FILES = ['TEMPORAL_TLS_CERT', 'TEMPORAL_TLS_KEY', 'TEMPORAL_TLS_CA'] as const;

function unreadable(path: string): string | undefined {
  try {
    accessSync(path, constants.R_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'unreadable';
  }
}

export function temporalTlsProblems(c: TlsConfig): { variable: string; message: string }[] {
  const problems: { variable: string; message: string }[] = [];
  for (const name of FILES) {
    const path = c[name];
    const reason = path === undefined ? undefined : unreadable(path);
    if (reason) problems.push({ variable: name, message: `cannot read ${path} (${reason})` });
  }
  if (Boolean(c.TEMPORAL_TLS_CERT) !== Boolean(c.TEMPORAL_TLS_KEY))
    problems.push({
      variable: c.TEMPORAL_TLS_CERT ? 'TEMPORAL_TLS_KEY' : 'TEMPORAL_TLS_CERT',
      message: 'TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together',
    });
  return problems;
}
