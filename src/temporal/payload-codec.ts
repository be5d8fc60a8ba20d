import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { gcmDecrypt, gcmEncrypt } from '../encryption/aes-gcm';
import { KeyListConfigError, parseKeyList, type NamedKey } from '../encryption/key-list';

/**
 * Encrypts every payload on its way to Temporal (issue 12, PIPL): AES-256-GCM over the whole
 * serialized payload, so its own metadata (the encoding, a type name) is hidden too. The key id
 * travels in the clear in the outer metadata so that keys can rotate: the newest key encrypts,
 * every configured key decrypts. Payloads written before encryption carry no such encoding and
 * pass through unchanged, so cases started before it keep running and replaying.
 */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

export type PayloadKey = NamedKey;

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

export function parsePayloadKeys(spec: string): PayloadKey[] {
  return parseKeyList('PAYLOAD_ENCRYPTION_KEYS', spec);
}

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly current: PayloadKey;
  private readonly byId: ReadonlyMap<string, Buffer>;

  constructor(keys: readonly PayloadKey[]) {
    const newest = keys.at(-1);
    if (!newest)
      throw new KeyListConfigError('PAYLOAD_ENCRYPTION_KEYS', 'at least one key is required');
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
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    // The key id is authenticated too: a payload relabelled to another key fails to decrypt.
    const sealed = gcmEncrypt(key, plain, Buffer.from(id));
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
    const plain = gcmDecrypt(key, Buffer.from(payload.data ?? []), Buffer.from(id));
    if (!plain) throw new PayloadDecryptionError(id);
    return temporal.api.common.v1.Payload.decode(plain);
  }
}

export function isEncrypted(payload: Payload): boolean {
  const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
  return encoding !== undefined && Buffer.from(encoding).toString() === ENCRYPTED_ENCODING;
}
