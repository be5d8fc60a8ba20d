import { signAccessToken } from '../../src/auth/jwt';
import { accessTokenSettings, type Config } from '../../src/config/config';
import { guardianKeyOf } from '../../src/domain/application-identity';
import { generateFamilies } from '../../src/simulator/families';
import { formForFamily } from '../../src/testing/forms';
import type { Outcome } from './load-report';

/** One request unanswered after this long counts as a client time-out. */
const CLIENT_TIMEOUT_MS = 30_000;

/**
 * Families the simulator verifies, each from its own account (one account's lock would queue
 * them all), each form with its guardian's token made beforehand.
 */
export async function signedRequests(
  config: Config,
  { seed, total, seconds }: { seed: number; total: number; seconds: number },
) {
  const families = generateFamilies(seed, total * 5)
    .filter((f) => f.archetype === 'SOLE_OWNER_AT_HUKOU')
    .slice(0, total);
  if (families.length < total) throw new Error(`only ${families.length} families for ${total}`);
  return Promise.all(
    families.map(async (family, index) => {
      const form = formForFamily(family);
      const token = await signAccessToken(
        {
          role: 'PARENT',
          sub: `bench-family-${index}`,
          guardian: guardianKeyOf(config.GUARDIAN_KEY_SECRET, family.guardians[0]!.idNumber),
          ttlSeconds: 3600 + seconds * 2,
        },
        accessTokenSettings(config),
      );
      return { body: JSON.stringify(form), token };
    }),
  );
}

/** One submission to the API at `apiPort`, as its client sees it. */
export async function send(apiPort: number, body: string, token: string): Promise<Outcome> {
  const sentAt = Date.now();
  const t0 = performance.now();
  try {
    const response = await fetch(`http://127.0.0.1:${apiPort}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    });
    // Only a 201 is read; a refusal's or a failure's body (which may not be JSON) is drained.
    const json = (
      response.status === 201
        ? await response.json()
        : await response.arrayBuffer().then(() => ({}))
    ) as { applicationNo?: string; workflowId?: string };
    return {
      status: response.status,
      ms: performance.now() - t0,
      sentAt,
      ...(response.status === 201 && {
        applicationNo: json.applicationNo,
        workflowId: json.workflowId,
      }),
    };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return { status: timedOut ? 'timeout' : 'error', ms: performance.now() - t0, sentAt };
  }
}

/**
 * Open loop: the i-th request leaves at i / rate seconds after `began` (performance.now()),
 * answered or not; resolves with every answer, in order.
 */
export async function openLoop<T>(
  began: number,
  total: number,
  rate: number,
  request: (i: number) => Promise<T>,
): Promise<T[]> {
  const pending: Promise<T>[] = [];
  for (let i = 0; i < total; i += 1) {
    const wait = began + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(request(i));
  }
  return Promise.all(pending);
}
