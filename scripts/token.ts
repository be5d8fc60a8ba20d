import { parseArgs } from 'node:util';
import { signAccessToken, signFamilyToken } from '../src/auth/jwt';
import { accessTokenSettings, familyTokenSettings, loadConfig } from '../src/config/config';
import { ROLES, type Role } from '../src/domain/principal';

/**
 * `npm run token -- --role PARENT --sub u1` prints a bearer token for local use, signed with the
 * configured AUTH_JWT_SECRET. `--counties 450103,450703` and `--point 450103-RP01` set scopes;
 * `--family u1` prints instead the platform's family token (X-Family-Token) for that family.
 */
const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    sub: { type: 'string' },
    counties: { type: 'string' },
    point: { type: 'string' },
    ttl: { type: 'string' },
    family: { type: 'string' },
  },
});

async function main(): Promise<void> {
  const config = loadConfig();
  if (values.family) {
    process.stdout.write(
      `${await signFamilyToken(values.family, familyTokenSettings(config), Number(values.ttl ?? 3600))}\n`,
    );
    return;
  }
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role) || !values.sub) {
    throw new Error(
      `usage: npm run token -- --role <${ROLES.join('|')}> --sub <id> [--counties 450103,...] [--point <registration point id>] [--ttl seconds]`,
    );
  }
  const token = await signAccessToken(
    {
      role,
      sub: values.sub,
      counties: values.counties ? values.counties.split(',') : [],
      ...(values.point ? { point: values.point } : {}),
      ...(values.ttl ? { ttlSeconds: Number(values.ttl) } : {}),
    },
    accessTokenSettings(config),
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
