import {
  defaultPayloadConverter,
  type DataConverter,
  type Payload,
  type PayloadCodec,
} from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { Config } from '../config/config';
import { DEVELOPMENT_KEY_LISTS } from '../config/secrets';
import { AesGcmPayloadCodec, parsePayloadKeys } from './payload-codec';

/**
 * The one data converter of every Temporal client and worker of the service (API, worker,
 * scripts, tests, benchmarks): payloads encrypted by the codec, failure messages encoded so the
 * codec covers them. Workflow bundles built ahead of time must include the same failure converter.
 */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

export function payloadCodecOf(config: Pick<Config, 'PAYLOAD_ENCRYPTION_KEYS'>): PayloadCodec {
  return new AesGcmPayloadCodec(
    parsePayloadKeys(
      config.PAYLOAD_ENCRYPTION_KEYS ?? DEVELOPMENT_KEY_LISTS.PAYLOAD_ENCRYPTION_KEYS,
    ),
  );
}

export function temporalDataConverter(
  config: Pick<Config, 'PAYLOAD_ENCRYPTION_KEYS'>,
): DataConverter {
  return { payloadCodecs: [payloadCodecOf(config)], failureConverterPath: FAILURE_CONVERTER_PATH };
}

type History = temporal.api.history.v1.IHistory;

/**
 * Decodes, in place, every payload of a freshly fetched history and restores every encoded
 * failure message, for the operations console (export, timeline). The SDK has no public payload
 * walker for histories, so this walks the message: a payload is any object with `data` bytes and
 * a `metadata` map.
 */
export async function decodeHistory(history: History, codecs: readonly PayloadCodec[]) {
  await decodeWithin(history, codecs);
  return history;
}

/** The same for any message read from Temporal's service directly (e.g. a run's description). */
export async function decodeWithin(node: object, codecs: readonly PayloadCodec[]): Promise<void> {
  const record = node as Record<string, unknown>;
  await Promise.all(
    Object.keys(record).map(async (key) => {
      const child = record[key];
      if (!child || typeof child !== 'object' || child instanceof Uint8Array) return;
      if (isPayload(child)) record[key] = await decodePayload(child, codecs);
      else await decodeWithin(child, codecs);
    }),
  );
  if (isPayload(record.encodedAttributes)) restoreFailureAttributes(record);
}

function isPayload(value: unknown): value is Payload {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return v.data instanceof Uint8Array && !!v.metadata && typeof v.metadata === 'object';
}

async function decodePayload(payload: Payload, codecs: readonly PayloadCodec[]) {
  let current = [payload];
  for (const codec of [...codecs].reverse()) current = await codec.decode(current);
  return current[0]!;
}

/** What `encodeCommonAttributes` moved into a payload goes back where a reader looks for it. */
function restoreFailureAttributes(failure: Record<string, unknown>): void {
  const attributes = defaultPayloadConverter.fromPayload<{
    message?: string;
    stack_trace?: string;
  }>(failure.encodedAttributes as Payload);
  failure.message = attributes.message ?? failure.message;
  failure.stackTrace = attributes.stack_trace ?? failure.stackTrace;
  failure.encodedAttributes = null;
}
