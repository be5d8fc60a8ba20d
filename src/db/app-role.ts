import { Client, escapeIdentifier, escapeLiteral } from 'pg';

/** The group role the migrations grant the application's privileges to (prisma/migrations). */
export const APP_GROUP_ROLE = 'gx_app';

export class AppRoleError extends Error {}

/**
 * Makes DATABASE_URL's user a login member of the application's group role, as the owner (the
 * migration URL): created if missing, its password set from the URL when it has one. Nothing to do
 * when both URLs name the same user (a development set-up without the separation). Idempotent, and
 * safe when several databases on one server are migrated at once (roles are cluster-wide).
 */
export async function ensureAppLogin(
  ownerUrl: string,
  appUrl: string,
): Promise<'same-user' | 'member'> {
  const app = new URL(appUrl);
  const user = decodeURIComponent(app.username);
  if (!user || user === decodeURIComponent(new URL(ownerUrl).username)) return 'same-user';
  const password = app.password ? decodeURIComponent(app.password) : undefined;
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolsuper: boolean }>(
      'SELECT rolsuper FROM pg_roles WHERE rolname = $1',
      [user],
    );
    if (rows[0]?.rolsuper)
      throw new AppRoleError(
        `DATABASE_URL's role ${user} is a superuser: it could bypass the audit log's protections`,
      );
    const role = escapeIdentifier(user);
    const withPassword = password === undefined ? '' : ` PASSWORD ${escapeLiteral(password)}`;
    if (!rows[0]) await ignoreDuplicate(client.query(`CREATE ROLE ${role} LOGIN${withPassword}`));
    else if (withPassword) await client.query(`ALTER ROLE ${role}${withPassword}`);
    const member = await client.query<{ member: boolean }>(
      'SELECT pg_has_role($1, $2, $3) AS member',
      [user, APP_GROUP_ROLE, 'MEMBER'],
    );
    if (!member.rows[0]?.member)
      await ignoreDuplicate(client.query(`GRANT ${escapeIdentifier(APP_GROUP_ROLE)} TO ${role}`));
    return 'member';
  } finally {
    await client.end();
  }
}

/** Another migration created the role (or granted it) a moment earlier: the same outcome. */
async function ignoreDuplicate(query: Promise<unknown>): Promise<void> {
  try {
    await query;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // duplicate_object, unique_violation, and "tuple concurrently updated" on pg_authid.
    if (code !== '42710' && code !== '23505' && code !== 'XX000') throw error;
  }
}
