import type { Payload, PayloadCodec } from '@temporalio/common';

/**
 * The payload codec's own CPU, for bench:verify: every encode and decode timed and its payloads
 * counted, so the report can say how much of a case's CPU is the encryption itself and how much
 * the difference between the sides is the machine's noise.
 */
export const codecMeter = { nanoseconds: 0n, payloads: 0 };

export function metered(codec: PayloadCodec): PayloadCodec {
  // The service's codec does all its work synchronously inside encode/decode (it hands back a
  // settled promise), so the call itself is what is timed: awaiting the promise would also count
  // whatever else the event loop ran before this continuation.
  const time = (run: () => Promise<Payload[]>, count: number) => {
    const started = process.hrtime.bigint();
    const done = run();
    codecMeter.nanoseconds += process.hrtime.bigint() - started;
    codecMeter.payloads += count;
    return done;
  };
  return {
    encode: (payloads) => time(() => codec.encode(payloads), payloads.length),
    decode: (payloads) => time(() => codec.decode(payloads), payloads.length),
  };
}
