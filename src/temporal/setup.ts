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
const INDEXED_VALUE_TYPES: Record<SearchAttributeType, temporal.api.enums.v1.IndexedValueType> = {
  [SearchAttributeType.TEXT]: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  [SearchAttributeType.KEYWORD]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.INT]: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  [SearchAttributeType.DOUBLE]: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  [SearchAttributeType.BOOL]: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  [SearchAttributeType.DATETIME]: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  [SearchAttributeType.KEYWORD_LIST]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
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
    const expected = INDEXED_VALUE_TYPES[key.type];
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
        `search attribute ${k.name} (${typeName(INDEXED_VALUE_TYPES[k.type])}) is not registered`,
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
    if (found?.exists) {
      if (found.mistyped.length > 0) throw new TemporalSetupError(namespace, found.mistyped);
      if (found.unregistered.length === 0) return { created };
      created.push(...(await addSearchAttributes(client, namespace, found.unregistered)));
    }
    if (Date.now() > deadline)
      throw new TemporalSetupError(
        namespace,
        found ? describeMissing(namespace, found) : ['Temporal did not answer'],
      );
    await delay(500);
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
    keys.map((k) => [k.name, INDEXED_VALUE_TYPES[k.type]]),
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
