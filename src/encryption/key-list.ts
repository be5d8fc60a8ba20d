import { KEY_BYTES } from './aes-gcm';

/** One configured key of a rotating list: its id travels beside what it encrypted. */
export interface NamedKey {
  readonly id: string;
  readonly key: Buffer;
}

export class KeyListConfigError extends Error {
  constructor(
    readonly variable: string,
    /** What is wrong with the list, without the variable's name. */
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'KeyListConfigError';
  }
}

/**
 * Parses a key list variable, `id1:base64,id2:base64` (oldest first, newest last; each key exactly
 * 32 bytes), the format of PAYLOAD_ENCRYPTION_KEYS and COLUMN_ENCRYPTION_KEYS alike.
 */
export function parseKeyList(variable: string, spec: string): NamedKey[] {
  const fail = (message: string) => new KeyListConfigError(variable, message);
  const keys = spec
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry): NamedKey => {
      const colon = entry.indexOf(':');
      const id = entry.slice(0, colon).trim();
      if (colon < 1 || !/^[A-Za-z0-9._-]+$/.test(id))
        throw fail('each entry must be id:base64key (id of [A-Za-z0-9._-])');
      const key = Buffer.from(entry.slice(colon + 1).trim(), 'base64');
      if (key.length !== KEY_BYTES) throw fail(`key "${id}" must be ${KEY_BYTES} bytes (base64)`);
      return { id, key };
    });
  if (keys.length === 0) throw fail('at least one key is required');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw fail('key ids must be unique');
  return keys;
}
