import { randomBytes } from 'node:crypto';
import type { Config } from '../config/config';
import { DEVELOPMENT_KEY_LISTS } from '../config/secrets';
import { lookupKey } from '../domain/application-identity';
import { gcmDecrypt, gcmEncrypt, KEY_BYTES } from './aes-gcm';
import { parseKeyList } from './key-list';
import { LocalMasterKeys, SealedDataError, type KeyWrapper, type WrappedKey } from './master-key';

/**
 * Envelope encryption of personal data at rest (issue 12, PIPL): every sealed value has its own
 * AES-256-GCM data key, stored beside it wrapped by a master key, so rotating the master key
 * re-wraps keys rather than data, and a KMS can hold the master key. The envelope:
 *
 *   "GXE1" | id length (1) | master key id | wrapped length (2) | wrapped data key | IV, data, tag
 *
 * with everything before the data authenticated with it. Columns hold `gxe1:` + base64 of that;
 * documents hold the bytes themselves. Anything else is a value written before encryption and
 * reads as it is (docs/data-protection.md: read tolerates plaintext, `npm run reseal` rewrites).
 */
const MAGIC = Buffer.from('GXE1');
const TEXT_PREFIX = 'gxe1:';

/** Whether a stored value (column) or stored bytes (document) is sealed. */
export function isSealed(stored: unknown): boolean {
  if (typeof stored === 'string') return stored.startsWith(TEXT_PREFIX);
  return Buffer.isBuffer(stored) && stored.subarray(0, MAGIC.length).equals(MAGIC);
}

export class Sealer {
  constructor(
    private readonly masterKey: KeyWrapper,
    private readonly lookupSecret: string,
  ) {}

  /**
   * What a column holds where equality must still work (a housing certificate's lock): the keyed
   * hash the child's key is made with, under the same secret, so one rule makes every lookup key.
   */
  lookupKey(identifier: string): string {
    return lookupKey(this.lookupSecret, identifier);
  }

  /** Any JSON value (a name, a statement, evidence) as one sealed string for its column. */
  async seal(value: unknown): Promise<string> {
    const bytes = await this.sealBytes(Buffer.from(JSON.stringify(value), 'utf8'));
    return TEXT_PREFIX + bytes.toString('base64');
  }

  /**
   * A column's value as it was sealed; a value stored before encryption reads as it is. The type
   * is the column's: a sealed name opens to a string, sealed JSON to JSON.
   */
  async open<T>(stored: T): Promise<T> {
    if (typeof stored !== 'string' || !isSealed(stored)) return stored;
    const bytes = await this.openBytes(Buffer.from(stored.slice(TEXT_PREFIX.length), 'base64'));
    return JSON.parse(bytes.toString('utf8')) as T;
  }

  /**
   * Whether a stored value or document is due for sealing (again): stored before encryption, or
   * under a master key older than the current one (`npm run reseal`). Nothing stored (null) is not.
   */
  needsResealing(stored: unknown): boolean {
    if (stored === null || stored === undefined) return false;
    if (!isSealed(stored)) return true;
    const bytes = Buffer.isBuffer(stored)
      ? stored
      : Buffer.from((stored as string).slice(TEXT_PREFIX.length), 'base64');
    return parseEnvelope(bytes).wrappedKey.keyId !== this.masterKey.currentKeyId;
  }

  /** A column's value sealed under the current master key, opened first if it was sealed. */
  async reseal<T>(stored: T): Promise<T | string> {
    return this.needsResealing(stored) ? this.seal(await this.open(stored)) : stored;
  }

  async sealBytes(plain: Buffer): Promise<Buffer> {
    const dataKey = randomBytes(KEY_BYTES);
    const { keyId, wrapped } = await this.masterKey.wrap(dataKey);
    const id = Buffer.from(keyId, 'utf8');
    const header = Buffer.concat([
      MAGIC,
      Buffer.from([id.length]),
      id,
      Buffer.from([wrapped.length >> 8, wrapped.length & 0xff]),
      wrapped,
    ]);
    return Buffer.concat([header, gcmEncrypt(dataKey, plain, header)]);
  }

  /** A document's bytes as they were sealed; a document stored before encryption reads as it is. */
  async openBytes(stored: Buffer): Promise<Buffer> {
    if (!isSealed(stored)) return stored;
    const { header, wrappedKey, body } = parseEnvelope(stored);
    const dataKey = await this.masterKey.unwrap(wrappedKey);
    const plain = gcmDecrypt(dataKey, body, header);
    if (!plain) throw new SealedDataError(wrappedKey.keyId);
    return plain;
  }
}

function parseEnvelope(stored: Buffer): { header: Buffer; wrappedKey: WrappedKey; body: Buffer } {
  let at = MAGIC.length;
  const idLength = stored[at] ?? 0;
  const keyId = stored.subarray(at + 1, at + 1 + idLength).toString('utf8');
  at += 1 + idLength;
  if (stored.length < at + 2) throw new SealedDataError(keyId);
  const wrappedLength = (stored[at]! << 8) | stored[at + 1]!;
  at += 2;
  const wrapped = stored.subarray(at, at + wrappedLength);
  at += wrappedLength;
  if (stored.length < at) throw new SealedDataError(keyId);
  return {
    header: stored.subarray(0, at),
    wrappedKey: { keyId, wrapped },
    body: stored.subarray(at),
  };
}

/** The sealer of the read model and the documents, with the configured master keys. */
export function columnSealerOf(
  config: Pick<Config, 'COLUMN_ENCRYPTION_KEYS' | 'CHILD_KEY_SECRET'>,
): Sealer {
  const variable = 'COLUMN_ENCRYPTION_KEYS';
  const keys = parseKeyList(
    variable,
    config.COLUMN_ENCRYPTION_KEYS ?? DEVELOPMENT_KEY_LISTS.COLUMN_ENCRYPTION_KEYS,
  );
  return new Sealer(new LocalMasterKeys(keys, variable), config.CHILD_KEY_SECRET);
}
