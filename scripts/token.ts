import { signAccessToken, signFamilyToken } from '../src/auth/jwt';
import { accessTokenSettings, familyTokenSettings, loadConfig } from '../src/config/config';
import { guardianKeyOf } from '../src/domain/application-identity';
import { parseTokenArgs, TOKEN_USAGE, UsageError } from './token-args';

/**
 * `npm run token -- --role PARENT --sub u1` prints a bearer token for local use, signed with the
 * configured AUTH_JWT_SECRET; `--help` lists every option. A wrong command line exits with 2.
 */
async function main(): Promise<void> {
  const command = parseTokenArgs(process.argv.slice(2));
  if (command.kind === 'help') {
    process.stdout.write(TOKEN_USAGE);
    return;
  }
  const config = loadConfig();
  // The keyed hash the platform's real-name check would vouch for, under the key it shares.
  const guardianKey = command.guardianIdNumber
    ? guardianKeyOf(config.GUARDIAN_KEY_SECRET, command.guardianIdNumber)
    : undefined;
  const token =
    command.kind === 'family'
      ? await signFamilyToken(
          { sub: command.family, ...(guardianKey && { guardianKey }) },
          familyTokenSettings(config),
          command.ttlSeconds,
        )
      : await signAccessToken(
          { ...command.request, ...(guardianKey && { guardian: guardianKey }) },
          accessTokenSettings(config),
        );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${TOKEN_USAGE}`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
