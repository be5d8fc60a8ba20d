import { rm } from 'node:fs/promises';
import { Client } from 'pg';
import { ADMIN_DATABASE_URL } from './database';

export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__TEMPORAL_SERVER__;
  if (!running) return;
  await running.server.stop();
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    for (const database of running.databases)
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await rm(running.root, { recursive: true, force: true });
}
