import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where uploaded documents live. Content-addressed, so the same file is stored once. */
export interface AttachmentStore {
  put(content: Buffer): Promise<{ sha256: string; storageKey: string }>;
  get(storageKey: string): Promise<Buffer>;
  /** Removes a document for good; false when it was already gone (a retried deletion). */
  delete(storageKey: string): Promise<boolean>;
}

/** The default store: files under a directory, written atomically (temporary file, then rename). */
export class LocalDiskAttachmentStore implements AttachmentStore {
  constructor(private readonly root: string) {}

  async put(content: Buffer): Promise<{ sha256: string; storageKey: string }> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const storageKey = `${sha256.slice(0, 2)}/${sha256}`;
    const target = join(this.root, storageKey);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, target);
    return { sha256, storageKey };
  }

  get(storageKey: string): Promise<Buffer> {
    return readFile(join(this.root, storageKey));
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
export function attachmentStoreOf(config: { readonly DATA_DIR: string }): AttachmentStore {
  return new LocalDiskAttachmentStore(join(config.DATA_DIR, 'attachments'));
}
