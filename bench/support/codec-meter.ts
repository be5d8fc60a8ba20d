import type { Payload, PayloadCodec } from '@temporalio/common';

/**
 * The payload codec's own CPU, for bench:verify: every encode and decode timed and its payloads
 * counted, so the report can say how much of a case's CPU is the encryption itself and how much
 * the difference between the sides is the machine's noise.
 */
export const codecMeter = { nanoseconds: 0n, payloads: 0 };

export function metered(codec: PayloadCodec): PayloadCodec {
  const time = async (run: () => Promise<Payload[]>, count: number) => {
    const started = process.hrtime.bigint();
    try {
      return await run();
    } finally {
      codecMeter.nanoseconds += process.hrtime.bigint() - started;
      codecMeter.payloads += count;
    }
  };
  return {
    encode: (payloads) => time(() => codec.encode(payloads), payloads.length),
    decode: (payloads) => time(() => codec.decode(payloads), payloads.length),
  };
}
