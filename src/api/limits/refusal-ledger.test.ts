import { RefusalLedger } from './refusal-ledger';

describe('RefusalLedger', () => {
  it('writes the first refusal of a key in a window and counts the rest into the next row', () => {
    const ledger = new RefusalLedger();
    expect(ledger.refuse('a', 1000, 0)).toEqual({ unrecordedBefore: 0 });
    expect(ledger.refuse('a', 1000, 10)).toBeNull();
    expect(ledger.refuse('a', 1000, 999)).toBeNull();
    expect(ledger.refuse('b', 1000, 500)).toEqual({ unrecordedBefore: 0 });
    expect(ledger.refuse('a', 1000, 1000)).toEqual({ unrecordedBefore: 2 });
    expect(ledger.refuse('a', 1000, 1500)).toBeNull();
  });

  it('forgets a key once its window has closed with nothing left unwritten', () => {
    const ledger = new RefusalLedger();
    ledger.refuse('a', 100, 0);
    ledger.refuse('b', 100, 0);
    ledger.refuse('b', 100, 50);
    expect(ledger.size).toBe(2);
    // 'a' closed clean and is forgotten; 'b' keeps its unwritten refusal for its next row.
    expect(ledger.refuse('c', 100, 200)).toEqual({ unrecordedBefore: 0 });
    expect(ledger.size).toBe(2);
    expect(ledger.refuse('b', 100, 200)).toEqual({ unrecordedBefore: 1 });
  });
});
