import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Config } from '../config/config';
import { columnSealerOf, type Sealer } from '../encryption/sealer';

/** Where uploaded documents live. Content-addressed, so the same file is stored once. */
export interface AttachmentStore {
  put(content: Buffer): Promise<{ sha256: string; storageKey: string }>;
  get(storageKey: string): Promise<Buffer>;
  /** Removes a document for good; false when it was already gone (a retried deletion). */
  delete(storageKey: string): Promise<boolean>;
}

/**
 * The default store: files under a directory, written atomically (temporary file, then rename),
 * each sealed with its own data key (src/encryption/sealer.ts). Named by the hash of the content
 * as the family sent it, so the same document is still stored once; a file stored before
 * encryption reads as it is.
 */
export class LocalDiskAttachmentStore implements AttachmentStore {
  constructor(
    private readonly root: string,
    private readonly sealer: Sealer,
  ) {}

  async put(content: Buffer): Promise<{ sha256: string; storageKey: string }> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const storageKey = `${sha256.slice(0, 2)}/${sha256}`;
    const target = join(this.root, storageKey);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    await writeFile(temporary, await this.sealer.sealBytes(content));
    await rename(temporary, target);
    return { sha256, storageKey };
  }

  async get(storageKey: string): Promise<Buffer> {
    return this.sealer.openBytes(await readFile(join(this.root, storageKey)));
  }

  async delete(storageKey: string): Promise<boolean> {
    try {
      await unlink(join(this.root, storageKey));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }
}

/** The deployment's store: the API writes documents, the worker's retention deletes them. */
export function attachmentStoreOf(
  config: Pick<Config, 'DATA_DIR' | 'COLUMN_ENCRYPTION_KEYS' | 'CHILD_KEY_SECRET'>,
): AttachmentStore {
  return new LocalDiskAttachmentStore(join(config.DATA_DIR, 'attachments'), columnSealerOf(config));
}
