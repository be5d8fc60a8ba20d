import { gcmDecrypt, gcmEncrypt } from './aes-gcm';
import { KeyListConfigError, type NamedKey } from './key-list';

/** A data key as the master key wrapped it, with the id of the master key that can unwrap it. */
export interface WrappedKey {
  readonly keyId: string;
  readonly wrapped: Buffer;
}

/**
 * What envelope encryption needs from a master key: wrap a fresh data key, unwrap a stored one.
 * `LocalMasterKeys` holds the keys in configuration; a KMS client (its key ids, its wrap/unwrap
 * calls) can stand in its place without any change to what is stored around the wrapped key.
 */
export interface KeyWrapper {
  /** The id of the master key that wraps from now on; data under any other is due for resealing. */
  readonly currentKeyId: string;
  wrap(dataKey: Buffer): Promise<WrappedKey>;
  unwrap(wrapped: WrappedKey): Promise<Buffer>;
}

/** The master key a value names is not configured here: a process missing a rotated key. */
export class MasterKeyUnknownError extends Error {
  constructor(
    readonly keyId: string,
    variable: string,
  ) {
    super(`data sealed under master key "${keyId}", which is not among ${variable}`);
    this.name = 'MasterKeyUnknownError';
  }
}

/** The stored bytes do not authenticate: a wrong key under a known id, or altered data. */
export class SealedDataError extends Error {
  constructor(readonly keyId: string) {
    super(`data sealed under master key "${keyId}" failed authentication (wrong key or altered)`);
    this.name = 'SealedDataError';
  }
}

/** Master keys from configuration (oldest first): the newest wraps, every one of them unwraps. */
export class LocalMasterKeys implements KeyWrapper {
  readonly currentKeyId: string;
  private readonly newest: NamedKey;
  private readonly byId: ReadonlyMap<string, Buffer>;

  constructor(
    keys: readonly NamedKey[],
    private readonly variable: string,
  ) {
    const newest = keys.at(-1);
    if (!newest) throw new KeyListConfigError(variable, 'at least one key is required');
    this.newest = newest;
    this.currentKeyId = newest.id;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  wrap(dataKey: Buffer): Promise<WrappedKey> {
    const { id, key } = this.newest;
    return Promise.resolve({ keyId: id, wrapped: gcmEncrypt(key, dataKey, Buffer.from(id)) });
  }

  // Synchronous work behind an interface a KMS call fits; a failure still arrives as a rejection.
  unwrap({ keyId, wrapped }: WrappedKey): Promise<Buffer> {
    return new Promise((resolve) => {
      const key = this.byId.get(keyId);
      if (!key) throw new MasterKeyUnknownError(keyId, this.variable);
      const dataKey = gcmDecrypt(key, wrapped, Buffer.from(keyId));
      if (!dataKey) throw new SealedDataError(keyId);
      resolve(dataKey);
    });
  }
}
