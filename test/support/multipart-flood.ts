import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

interface ProblemBody {
  readonly code: string;
  readonly violations?: readonly { readonly path: string; readonly code: string }[];
}

/** A full garbage collection now, so what is measured after it is what is still held. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** What this process holds: the JavaScript heap and the memory outside it (buffers, strings). */
function held(): number {
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/** Growth in a cheap reading beyond which a full collection tells garbage from what is held. */
const COLLECT_ABOVE_BYTES = 16 * 1024 * 1024;

/**
 * Streams a multipart body of many text fields (the attack of issue 13: 300 fields of 1 MB)
 * without holding it: one field's bytes are reused, so what this process comes to hold while the
 * API (in the same process) answers is the API's. Resolves with the answer and the most it held
 * beyond what it held before, measured after a full collection, so that buffers a refused body is
 * drained through (garbage) do not count and field values kept in memory do. A full collection
 * costs a loaded machine a second or more: taken every second, it starved the API of the time to
 * drain the body until the server's request time-out cut it, so readings are cheap every 250 ms
 * and a collection is taken only when one passes COLLECT_ABOVE_BYTES, and once at the end.
 */
export async function postTextFields(
  url: string,
  options: { authorization: string; fields: number; fieldBytes: number },
): Promise<{ status: number; body: ProblemBody; heldGrowthBytes: number }> {
  const boundary = `gx-${randomUUID()}`;
  const value = Buffer.alloc(options.fieldBytes, 0x61);
  collectGarbage();
  const before = held();
  let peak = before;
  const sample = () => {
    if (held() - before < COLLECT_ABOVE_BYTES) return;
    collectGarbage();
    peak = Math.max(peak, held());
  };
  const sampler = setInterval(sample, 250);
  try {
    const req = request(url, {
      method: 'POST',
      headers: {
        authorization: options.authorization,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.once('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.once('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.once('error', reject);
    });
    void write(req, boundary, value, options.fields).catch(() => undefined);
    const { status, text } = await answered;
    // Answered: stop sending the rest of the flood, or it goes on writing after the test.
    req.destroy();
    collectGarbage();
    peak = Math.max(peak, held());
    return { status, body: JSON.parse(text) as ProblemBody, heldGrowthBytes: peak - before };
  } finally {
    clearInterval(sampler);
  }
}

async function write(
  req: ReturnType<typeof request>,
  boundary: string,
  value: Buffer,
  fields: number,
): Promise<void> {
  for (let i = 0; i < fields && !req.destroyed; i += 1) {
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n`);
    if (!req.write(value)) await drainedOrClosed(req);
    req.write('\r\n');
  }
  req.end(`--${boundary}--\r\n`);
}

function drainedOrClosed(req: ReturnType<typeof request>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done);
      req.off('close', done);
      resolve();
    };
    req.once('drain', done);
    req.once('close', done);
  });
}
