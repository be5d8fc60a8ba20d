import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;

export interface DbOptions {
  readonly url: string;
  /** Pool size; the embedded database serves one connection at a time, so callers keep it small. */
  readonly poolMax: number;
}

export function createDb({ url, poolMax }: DbOptions): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolMax }) });
}
