import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Sealer } from '../encryption/sealer';

/** Where uploaded documents live. Content-addressed, so the same file is stored once. */
export interface AttachmentStore {
  put(content: Buffer): Promise<{ sha256: string; storageKey: string }>;
  get(storageKey: string): Promise<Buffer>;
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
}
