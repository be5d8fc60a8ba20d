import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { projectRoot } from '../../src/config/paths';

/**
 * Two descriptions of the same schema in one shape: one read from a migrated database's catalog,
 * one derived from the Prisma data model with Prisma's own naming and type conventions.
 */
export interface Catalog {
  enums: Record<string, string[]>;
  tables: Record<string, { columns: Record<string, string>; indexes: Record<string, string> }>;
  foreignKeys: string[];
}

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  fields: { name: string }[];
}
interface Datamodel {
  enums: { name: string; values: { name: string }[] }[];
  models: DmmfModel[];
  indexes: DmmfIndex[];
}

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  DateTime: 'timestamp(3)',
  Json: 'jsonb',
  Bytes: 'bytea',
};

const NATIVE_TYPES: Record<string, string> = {
  Date: 'date',
  Text: 'text',
  Uuid: 'uuid',
  JsonB: 'jsonb',
};

export function loadDatamodel(): Datamodel {
  return JSON.parse(
    readFileSync(join(projectRoot(), 'src', 'generated', 'datamodel.json'), 'utf8'),
  ) as Datamodel;
}

function columnType(field: DmmfField): string {
  const base =
    field.kind === 'enum'
      ? field.type
      : field.nativeType
        ? NATIVE_TYPES[field.nativeType[0]]
        : SCALAR_TYPES[field.type];
  if (!base)
    throw new Error(`drift test does not know the column type of ${field.name} (${field.type})`);
  // Prisma creates scalar lists as nullable arrays whatever the schema says.
  if (field.isList) return `${base}[] null`;
  return `${base} ${field.isRequired ? 'not null' : 'null'}`;
}

export function expectedCatalog(dm: Datamodel): Catalog {
  const tableOf = new Map(dm.models.map((m) => [m.name, m.dbName ?? m.name]));
  const columnOf = (model: string, field: string) => {
    const f = dm.models.find((m) => m.name === model)!.fields.find((x) => x.name === field)!;
    return f.dbName ?? f.name;
  };
  const catalog: Catalog = { enums: {}, tables: {}, foreignKeys: [] };
  for (const e of dm.enums) catalog.enums[e.name] = e.values.map((v) => v.name);
  for (const model of dm.models) {
    const table = tableOf.get(model.name)!;
    const columns: Record<string, string> = {};
    for (const field of model.fields) {
      if (field.kind === 'scalar' || field.kind === 'enum')
        columns[field.dbName ?? field.name] = columnType(field);
      if (field.kind === 'object' && field.relationFromFields?.length) {
        const cols = field.relationFromFields.map((f) => columnOf(model.name, f));
        const target = tableOf.get(field.type)!;
        const targetCols = field.relationToFields!.map((f) => columnOf(field.type, f));
        catalog.foreignKeys.push(
          `${table}(${cols.join(',')}) -> ${target}(${targetCols.join(',')}) as ${table}_${cols.join('_')}_fkey`,
        );
      }
    }
    catalog.tables[table] = { columns, indexes: {} };
  }
  for (const index of dm.indexes) {
    if (index.type === 'fulltext') continue;
    const table = tableOf.get(index.model)!;
    const cols = index.fields.map((f) => columnOf(index.model, f.name));
    const suffix = { id: 'pkey', unique: 'key', normal: 'idx' }[index.type];
    const name =
      index.dbName ??
      (index.type === 'id' ? `${table}_pkey` : `${table}_${cols.join('_')}_${suffix}`);
    catalog.tables[table]!.indexes[name] =
      `${index.type === 'normal' ? 'index' : 'unique'}(${cols.join(',')})`;
  }
  catalog.foreignKeys.sort();
  return catalog;
}

export async function actualCatalog(url: string): Promise<Catalog> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const catalog: Catalog = { enums: {}, tables: {}, foreignKeys: [] };
    const enums = await client.query<{ name: string; value: string }>(`
      SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t
      JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`);
    for (const r of enums.rows) (catalog.enums[r.name] ??= []).push(r.value);

    const columns = await client.query<{
      table_name: string;
      column_name: string;
      type: string;
      is_nullable: string;
    }>(`
      SELECT c.table_name, c.column_name, c.is_nullable,
             format_type(a.atttypid, a.atttypmod) AS type
      FROM information_schema.columns c
      JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
      WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'
      ORDER BY c.table_name, c.ordinal_position`);
    for (const r of columns.rows) {
      const table = (catalog.tables[r.table_name] ??= { columns: {}, indexes: {} });
      const type = r.type
        .replace('timestamp(3) without time zone', 'timestamp(3)')
        .replace(/^"(.*)"(\[\])?$/, '$1$2');
      table.columns[r.column_name] = `${type} ${r.is_nullable === 'YES' ? 'null' : 'not null'}`;
    }

    const indexes = await client.query<{
      table_name: string;
      index_name: string;
      is_unique: boolean;
      columns: string;
    }>(`
      SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique,
             string_agg(a.attname::text, ',' ORDER BY k.ord) AS columns
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
      GROUP BY t.relname, i.relname, ix.indisunique`);
    for (const r of indexes.rows) {
      catalog.tables[r.table_name]!.indexes[r.index_name] =
        `${r.is_unique ? 'unique' : 'index'}(${r.columns})`;
    }

    const fks = await client.query<{ description: string }>(`
      SELECT format('%s(%s) -> %s(%s) as %s', src.relname,
               (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n),
               dst.relname,
               (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n),
               c.conname) AS description
      FROM pg_constraint c JOIN pg_class src ON src.oid = c.conrelid JOIN pg_class dst ON dst.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = src.relnamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`);
    catalog.foreignKeys = fks.rows.map((r) => r.description).sort();
    return catalog;
  } finally {
    await client.end();
  }
}
