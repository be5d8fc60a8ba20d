import { GroupCommit } from './group-commit';

/** A store whose writes finish only when the test says so, recording what each write carried. */
function heldStore(refuse: (item: string) => boolean = () => false) {
  const calls: { kind: 'all' | 'one'; items: string[] }[] = [];
  const pending: (() => void)[] = [];
  const held = <R>(value: () => R) =>
    new Promise<R>((resolve) => pending.push(() => resolve(Promise.resolve().then(value))));
  const stored: string[] = [];
  const store = (item: string) => {
    if (refuse(item)) throw new Error(`refused ${item}`);
    stored.push(item);
    return `id:${item}`;
  };
  return {
    calls,
    stored,
    writeAll: (items: readonly string[]) => {
      calls.push({ kind: 'all', items: [...items] });
      return held(() => {
        if (items.some(refuse)) throw new Error('batch refused');
        return items.map(store);
      });
    },
    writeOne: (item: string) => {
      calls.push({ kind: 'one', items: [item] });
      return held(() => store(item));
    },
    /** Lets every write asked for so far finish, and those they lead to, until none is left. */
    async settle() {
      while (pending.length > 0) {
        pending.shift()!();
        await new Promise((r) => setImmediate(r));
      }
    },
  };
}

describe('group commit', () => {
  it('writes a lone item at once, on its own', async () => {
    const store = heldStore();
    const group = new GroupCommit(store.writeAll, store.writeOne, 10);
    const result = group.write('a');
    expect(store.calls).toEqual([{ kind: 'one', items: ['a'] }]);
    await store.settle();
    await expect(result).resolves.toBe('id:a');
  });

  it('sends the items asked for while a write is in flight together, in order, each its own result', async () => {
    const store = heldStore();
    const group = new GroupCommit(store.writeAll, store.writeOne, 10);
    const results = ['a', 'b', 'c', 'd'].map((item) => group.write(item));
    await store.settle();
    await expect(Promise.all(results)).resolves.toEqual(['id:a', 'id:b', 'id:c', 'id:d']);
    expect(store.calls).toEqual([
      { kind: 'one', items: ['a'] },
      { kind: 'all', items: ['b', 'c', 'd'] },
    ]);
  });

  it('takes at most the batch size in one write', async () => {
    const store = heldStore();
    const group = new GroupCommit(store.writeAll, store.writeOne, 2);
    const results = ['a', 'b', 'c', 'd', 'e'].map((item) => group.write(item));
    await store.settle();
    await Promise.all(results);
    expect(store.calls.map((c) => c.items)).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it('writes a refused batch again item by item: only the refused item fails', async () => {
    const store = heldStore((item) => item === 'bad');
    const group = new GroupCommit(store.writeAll, store.writeOne, 10);
    const outcomes = Promise.allSettled(['a', 'b', 'bad', 'c'].map((item) => group.write(item)));
    await store.settle();
    expect((await outcomes).map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(store.stored).toEqual(['a', 'b', 'c']);
  });

  it('fails every item of a batch that answers a wrong count, and writes none again', async () => {
    const calls: string[][] = [];
    const group = new GroupCommit<string, string>(
      (items) => (calls.push([...items]), Promise.resolve(['only one'])),
      (item) => (calls.push([item]), new Promise((r) => setImmediate(() => r(item)))),
      10,
    );
    const results = ['a', 'b', 'c'].map((item) => group.write(item));
    await expect(results[0]).resolves.toBe('a');
    await expect(results[1]).rejects.toThrow('1 results for 2 items');
    await expect(results[2]).rejects.toThrow('1 results for 2 items');
    expect(calls).toEqual([['a'], ['b', 'c']]);
  });

  it('keeps writing after a failure', async () => {
    const store = heldStore((item) => item === 'bad');
    const group = new GroupCommit(store.writeAll, store.writeOne, 10);
    const first = expect(group.write('bad')).rejects.toThrow('refused bad');
    await store.settle();
    await first;
    const next = group.write('good');
    await store.settle();
    await expect(next).resolves.toBe('id:good');
  });
});
