/**
 * Group commit: writes asked for while one is in flight wait and go out together in the next, at
 * most `maxBatch` at a time. A lone write goes out at once, so nothing waits when the load is
 * light; under load the writes share one statement and one commit instead of queueing for a lock
 * one by one. Each caller still learns when its own item is stored, and with what result.
 *
 * A batch that fails is written again item by item, so one item the database refuses fails only
 * its own caller, never the others that happened to share its batch.
 */
export class GroupCommit<T, R> {
  private readonly waiting: Waiting<T, R>[] = [];
  private writing = false;

  constructor(
    private readonly writeAll: (items: readonly T[]) => Promise<readonly R[]>,
    private readonly writeOne: (item: T) => Promise<R>,
    private readonly maxBatch: number,
  ) {}

  write(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.waiting.length > 0) await this.flush(this.waiting.splice(0, this.maxBatch));
    } finally {
      this.writing = false;
    }
  }

  private async flush(batch: readonly Waiting<T, R>[]): Promise<void> {
    if (batch.length === 1) return this.writeAlone(batch[0]!);
    let results: readonly R[];
    try {
      results = await this.writeAll(batch.map((w) => w.item));
    } catch {
      for (const w of batch) await this.writeAlone(w);
      return;
    }
    if (results.length !== batch.length) {
      const error = new Error(`group commit: ${results.length} results for ${batch.length} items`);
      return batch.forEach((w) => w.reject(error));
    }
    batch.forEach((w, i) => w.resolve(results[i]!));
  }

  private writeAlone(w: Waiting<T, R>): Promise<void> {
    return this.writeOne(w.item).then(w.resolve, w.reject);
  }
}

interface Waiting<T, R> {
  readonly item: T;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}
