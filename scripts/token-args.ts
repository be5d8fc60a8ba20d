import { parseArgs } from 'node:util';
import type { TokenRequest } from '../src/auth/jwt';
import { ROLES, type Role } from '../src/domain/principal';
import { normaliseResidentId, parseResidentId } from '../src/domain/resident-id';

/** Longest lifetime a local token may ask for: 30 days. */
const MAX_TTL_SECONDS = 30 * 86_400;

export const TOKEN_USAGE = `Signs a token for local use with the configured AUTH_JWT_SECRET and prints it.

usage:
  npm run -s token -- --role <role> --sub <id> [--counties <codes>] [--point <id>]
                      [--guardian-id <ID number>] [--ttl <seconds>]
  npm run -s token -- --family <family id> [--guardian-id <ID number>] [--ttl <seconds>]

  --role      ${ROLES.join(', ')}
  --sub       who the caller is (the token's subject), e.g. family-001 or reviewer-01
  --counties  comma-separated county codes in scope, e.g. 450103,450703
  --point     the registration point of a STAFF caller, e.g. 450103-RP01
  --family    print instead the platform's X-Family-Token for this family
  --guardian-id
              a PARENT's (or family's) real-name-verified guardian: the token carries the keyed
              hash of this ID number (GUARDIAN_KEY_SECRET), never the number; online forms must
              name this person among the child's guardians
  --ttl       lifetime in seconds, 1 to ${MAX_TTL_SECONDS} (default 28800 for a bearer token,
              3600 for a family token)
  --help      print this text
`;

/** What the command line asked for. */
export type TokenCommand =
  | { readonly kind: 'help' }
  | {
      readonly kind: 'family';
      readonly family: string;
      readonly guardianIdNumber?: string;
      readonly ttlSeconds: number;
    }
  | { readonly kind: 'access'; readonly request: TokenRequest; readonly guardianIdNumber?: string };

/** The command line was wrong; the message says how. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function guardianIdOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const number = normaliseResidentId(value);
  if (!parseResidentId(number).ok)
    throw new UsageError('--guardian-id must be a valid 18-character resident ID number');
  return number;
}

function ttlOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(seconds >= 1 && seconds <= MAX_TTL_SECONDS))
    throw new UsageError(
      `--ttl must be a whole number of seconds from 1 to ${MAX_TTL_SECONDS}, not "${value}"`,
    );
  return seconds;
}

export function parseTokenArgs(args: readonly string[]): TokenCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string' },
        sub: { type: 'string' },
        counties: { type: 'string' },
        point: { type: 'string' },
        ttl: { type: 'string' },
        family: { type: 'string' },
        'guardian-id': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: 'help' };
  const ttlSeconds = ttlOf(values.ttl);
  const guardianIdNumber = guardianIdOf(values['guardian-id']);
  const guardian = guardianIdNumber ? { guardianIdNumber } : {};
  if (values.family !== undefined) {
    if (!values.family) throw new UsageError('--family needs the family id');
    return { kind: 'family', family: values.family, ...guardian, ttlSeconds: ttlSeconds ?? 3600 };
  }
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role))
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  if (!values.sub) throw new UsageError('--sub is required');
  if (guardianIdNumber && role !== 'PARENT')
    throw new UsageError('--guardian-id is for PARENT tokens (and --family)');
  return {
    kind: 'access',
    ...guardian,
    request: {
      role,
      sub: values.sub,
      counties: values.counties ? values.counties.split(',') : [],
      ...(values.point ? { point: values.point } : {}),
      ...(ttlSeconds ? { ttlSeconds } : {}),
    },
  };
}
