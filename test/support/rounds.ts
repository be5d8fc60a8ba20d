import request from 'supertest';
import { eventually } from './eventually';

/**
 * Starts a county's next PRIMARY_1 round of the 2026 season as its administrator and waits until
 * the round is published (frozen, drawn, delivered to every case); its id.
 */
export async function publishedRound(
  apiUrl: string,
  admin: Record<string, string>,
  countyCode: string,
  within?: number,
): Promise<string> {
  const started = await request(apiUrl)
    .post('/rounds')
    .set(admin)
    .send({ countyCode, stage: 'PRIMARY_1', seasonYear: 2026 })
    .expect(201);
  const roundId = started.body.roundId as string;
  await eventually(
    async () =>
      (await request(apiUrl).get(`/rounds/${roundId}`).set(admin)).body.status === 'PUBLISHED' ||
      undefined,
    `round ${roundId} to be published`,
    within,
  );
  return roundId;
}
