import { setTimeout as delay } from 'node:timers/promises';
import { status as grpcStatus } from '@grpc/grpc-js';
import type { Client } from '@temporalio/client';
import { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import Long from 'long';
import { ENROLMENT_SEARCH_ATTRIBUTES } from '../contract';

/**
 * What a namespace must have before the API or a worker may use it: the namespace itself and
 * every search attribute of ENROLMENT_SEARCH_ATTRIBUTES with its type. Without them Temporal
 * accepts a connection but refuses every workflow start ("no mapping defined for search
 * attribute"), so the processes check at start and /ready names what is missing. The same list
 * is what the server mode and the compose set-up job register (ensureTemporalSetup), and what
 * the dev-server launcher passes as flags.
 */
export class TemporalSetupError extends Error {
  constructor(
    readonly namespace: string,
    readonly missing: readonly string[],
  ) {
    super(
      `Temporal namespace "${namespace}" is not set up for this service: ${missing.join('; ')}. ` +
        "Register it with `npm run temporal:setup` (or the deployment's set-up job).",
    );
    this.name = 'TemporalSetupError';
  }
}

type ServiceClient = Pick<Client, 'workflowService' | 'connection'>;

const IndexedValueType = temporal.api.enums.v1.IndexedValueType;

/** Each type's indexed type, and a literal of it that a visibility query accepts. */
const ATTRIBUTE_TYPES: Record<
  SearchAttributeType,
  { readonly indexed: temporal.api.enums.v1.IndexedValueType; readonly literal: string }
> = {
  [SearchAttributeType.TEXT]: { indexed: IndexedValueType.INDEXED_VALUE_TYPE_TEXT, literal: "'x'" },
  [SearchAttributeType.KEYWORD]: {
    indexed: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
    literal: "'x'",
  },
  [SearchAttributeType.INT]: { indexed: IndexedValueType.INDEXED_VALUE_TYPE_INT, literal: '0' },
  [SearchAttributeType.DOUBLE]: {
    indexed: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
    literal: '0',
  },
  [SearchAttributeType.BOOL]: {
    indexed: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
    literal: 'true',
  },
  [SearchAttributeType.DATETIME]: {
    indexed: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
    literal: "'2000-01-01T00:00:00Z'",
  },
  [SearchAttributeType.KEYWORD_LIST]: {
    indexed: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
    literal: "'x'",
  },
};

function typeName(type: number): string {
  return (IndexedValueType[type] ?? String(type)).replace('INDEXED_VALUE_TYPE_', '');
}

function isGrpcStatus(error: unknown, code: grpcStatus): boolean {
  return (error as { code?: unknown } | null)?.code === code;
}

async function namespaceExists(client: ServiceClient, namespace: string): Promise<boolean> {
  try {
    await client.workflowService.describeNamespace({ namespace });
    return true;
  } catch (error) {
    if (isGrpcStatus(error, grpcStatus.NOT_FOUND)) return false;
    throw error;
  }
}

type EnrolmentKey = (typeof ENROLMENT_SEARCH_ATTRIBUTES)[number];

interface Inspection {
  readonly exists: boolean;
  readonly unregistered: EnrolmentKey[];
  readonly mistyped: string[];
}

async function inspect(client: ServiceClient, namespace: string): Promise<Inspection> {
  if (!(await namespaceExists(client, namespace)))
    return { exists: false, unregistered: [], mistyped: [] };
  const { customAttributes } = await client.connection.operatorService.listSearchAttributes({
    namespace,
  });
  const registered = customAttributes ?? {};
  const unregistered: EnrolmentKey[] = [];
  const mistyped: string[] = [];
  for (const key of ENROLMENT_SEARCH_ATTRIBUTES) {
    const expected = ATTRIBUTE_TYPES[key.type].indexed;
    const actual = registered[key.name];
    if (actual === undefined) unregistered.push(key);
    else if (actual !== expected)
      mistyped.push(
        `search attribute ${key.name} is ${typeName(actual)}, expected ${typeName(expected)}`,
      );
  }
  return { exists: true, unregistered, mistyped };
}

function describeMissing(namespace: string, found: Inspection): string[] {
  if (!found.exists) return [`namespace "${namespace}" does not exist`];
  return [
    ...found.unregistered.map(
      (k) =>
        `search attribute ${k.name} (${typeName(ATTRIBUTE_TYPES[k.type].indexed)}) is not registered`,
    ),
    ...found.mistyped,
  ];
}

/** Each missing piece in words (names and types only, never data); empty = ready. */
export async function missingTemporalSetup(
  client: ServiceClient,
  namespace: string,
): Promise<string[]> {
  return describeMissing(namespace, await inspect(client, namespace));
}

/** Refuses to go on (TemporalSetupError) unless the namespace is fully set up. */
export async function assertTemporalSetup(client: ServiceClient, namespace: string): Promise<void> {
  const missing = await missingTemporalSetup(client, namespace);
  if (missing.length > 0) throw new TemporalSetupError(namespace, missing);
}

export interface EnsureOptions {
  readonly retentionDays?: number;
  /** How long a new namespace may take to reach the frontend's cache. */
  readonly timeoutMs?: number;
}

/**
 * Registers the namespace and every missing search attribute; idempotent, and safe when two
 * set-up runs race. A search attribute registered with another type is left alone (changing a
 * type needs a new name): it fails, naming it.
 */
export async function ensureTemporalSetup(
  client: ServiceClient,
  namespace: string,
  options: EnsureOptions = {},
): Promise<{ created: string[] }> {
  const created: string[] = [];
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    // Fails while a new namespace has not reached the frontend's cache (refreshed every few
    // seconds): the next round sees it.
    const found = await inspect(client, namespace).catch(() => undefined);
    if (found && !found.exists)
      created.push(...(await registerNamespace(client, namespace, options)));
    let refused: string | undefined;
    if (found?.exists) {
      if (found.mistyped.length > 0) throw new TemporalSetupError(namespace, found.mistyped);
      if (found.unregistered.length > 0)
        created.push(...(await addSearchAttributes(client, namespace, found.unregistered)));
      else if ((refused = await refusedInQueries(client, namespace)) === undefined)
        return { created };
    }
    if (Date.now() > deadline) {
      const missing = found ? describeMissing(namespace, found) : ['Temporal did not answer'];
      throw new TemporalSetupError(namespace, refused ? [...missing, refused] : missing);
    }
    await delay(500);
  }
}

/**
 * Why the frontend still refuses a visibility query naming every attribute, or undefined once it
 * takes it. The server's caches of a namespace's attributes refresh every few seconds (the forced
 * refresh on every read, which would make a registration visible at once, serialises the
 * server's reads behind a lock and a database read: server-config.ts), and a workflow started
 * before the frontend's cache has them is refused as a query would be.
 */
async function refusedInQueries(
  client: ServiceClient,
  namespace: string,
): Promise<string | undefined> {
  const query = ENROLMENT_SEARCH_ATTRIBUTES.map(
    (k) => `${k.name} = ${ATTRIBUTE_TYPES[k.type].literal}`,
  ).join(' AND ');
  try {
    await client.workflowService.countWorkflowExecutions({ namespace, query });
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `search attributes not yet usable in queries (${reason})`;
  }
}

async function registerNamespace(
  client: ServiceClient,
  namespace: string,
  options: EnsureOptions,
): Promise<string[]> {
  try {
    await client.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: {
        seconds: Long.fromNumber((options.retentionDays ?? 30) * 86_400),
      },
    });
    return [`namespace ${namespace}`];
  } catch (error) {
    if (isGrpcStatus(error, grpcStatus.ALREADY_EXISTS)) return [];
    throw error;
  }
}

async function addSearchAttributes(
  client: ServiceClient,
  namespace: string,
  keys: readonly EnrolmentKey[],
): Promise<string[]> {
  const searchAttributes = Object.fromEntries(
    keys.map((k) => [k.name, ATTRIBUTE_TYPES[k.type].indexed]),
  );
  try {
    await client.connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
    return keys.map((k) => `search attribute ${k.name}`);
  } catch (error) {
    // Registered meanwhile by another set-up run, or the namespace not yet in every cache.
    const retried = [grpcStatus.ALREADY_EXISTS, grpcStatus.NOT_FOUND, grpcStatus.UNAVAILABLE];
    if (retried.some((code) => isGrpcStatus(error, code))) return [];
    throw error;
  }
}
