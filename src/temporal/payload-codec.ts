import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

/**
 * Encrypts every payload on its way to Temporal (issue 12, PIPL): AES-256-GCM over the whole
 * serialized payload, so its own metadata (the encoding, a type name) is hidden too. The key id
 * travels in the clear in the outer metadata so that keys can rotate: the newest key encrypts,
 * every configured key decrypts. Payloads written before encryption carry no such encoding and
 * pass through unchanged, so cases started before it keep running and replaying.
 */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export interface PayloadKey {
  readonly id: string;
  readonly key: Buffer;
}

export class PayloadKeyConfigError extends Error {
  constructor(message: string) {
    super(`PAYLOAD_ENCRYPTION_KEYS: ${message}`);
    this.name = 'PayloadKeyConfigError';
  }
}

/** The key a payload names is not configured here: a worker or client missing a rotated key. */
export class PayloadKeyUnknownError extends Error {
  constructor(readonly keyId: string) {
    super(`payload encrypted with key "${keyId}", which is not among PAYLOAD_ENCRYPTION_KEYS`);
    this.name = 'PayloadKeyUnknownError';
  }
}

/** The key id is known but the bytes do not authenticate: a wrong key under that id, or tampering. */
export class PayloadDecryptionError extends Error {
  constructor(readonly keyId: string) {
    super(`payload under key "${keyId}" failed authentication (wrong key or altered data)`);
    this.name = 'PayloadDecryptionError';
  }
}

/** Parses `id1:base64,id2:base64` (oldest first, newest last); each key exactly 32 bytes. */
export function parsePayloadKeys(spec: string): PayloadKey[] {
  const keys = spec
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry): PayloadKey => {
      const colon = entry.indexOf(':');
      const id = entry.slice(0, colon).trim();
      if (colon < 1 || !/^[A-Za-z0-9._-]+$/.test(id))
        throw new PayloadKeyConfigError('each entry must be id:base64key (id of [A-Za-z0-9._-])');
      const key = Buffer.from(entry.slice(colon + 1).trim(), 'base64');
      if (key.length !== KEY_BYTES)
        throw new PayloadKeyConfigError(`key "${id}" must be ${KEY_BYTES} bytes (base64)`);
      return { id, key };
    });
  if (keys.length === 0) throw new PayloadKeyConfigError('at least one key is required');
  if (new Set(keys.map((k) => k.id)).size !== keys.length)
    throw new PayloadKeyConfigError('key ids must be unique');
  return keys;
}

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly current: PayloadKey;
  private readonly byId: ReadonlyMap<string, Buffer>;

  constructor(keys: readonly PayloadKey[]) {
    const newest = keys.at(-1);
    if (!newest) throw new PayloadKeyConfigError('at least one key is required');
    this.current = newest;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  // Synchronous work behind the SDK's async interface; a failure still arrives as a rejection.
  encode(payloads: Payload[]): Promise<Payload[]> {
    return new Promise((resolve) => resolve(payloads.map((payload) => this.encrypt(payload))));
  }

  decode(payloads: Payload[]): Promise<Payload[]> {
    return new Promise((resolve) => resolve(payloads.map((payload) => this.decrypt(payload))));
  }

  private encrypt(payload: Payload): Payload {
    const { id, key } = this.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv);
    // The key id is authenticated too: a payload relabelled to another key fails to decrypt.
    cipher.setAAD(Buffer.from(id));
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: Buffer.from(id),
      },
      data: sealed,
    };
  }

  private decrypt(payload: Payload): Payload {
    if (!isEncrypted(payload)) return payload;
    const id = Buffer.from(payload.metadata?.[KEY_ID_METADATA] ?? []).toString();
    const key = this.byId.get(id);
    if (!key) throw new PayloadKeyUnknownError(id);
    const sealed = Buffer.from(payload.data ?? []);
    if (sealed.length < IV_BYTES + TAG_BYTES) throw new PayloadDecryptionError(id);
    const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new PayloadDecryptionError(id);
    }
    return temporal.api.common.v1.Payload.decode(plain);
  }
}

export function isEncrypted(payload: Payload): boolean {
  const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
  return encoding !== undefined && Buffer.from(encoding).toString() === ENCRYPTED_ENCODING;
}
