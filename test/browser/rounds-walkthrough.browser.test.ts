import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/paths';
import { scaled } from '../support/time-scale';
import { stackUrl } from './pages';

/**
 * docs/walkthrough/rounds.sh, the curl walk docs/admission-rounds.md shows, run as written
 * against the stack `npm start` runs: main round, decline, re-offer, 补录, both rounds verified.
 * Its county (450703) is one no other browser test places.
 */
jest.setTimeout(scaled(900_000));

function walk(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [join(projectRoot(), 'docs/walkthrough/rounds.sh')], {
      cwd: projectRoot(),
      // The simulator's population as the stack's (stack.ts), so the families listed are its own.
      env: { ...process.env, API: stackUrl(), SIMULATOR_POPULATION: '200', WAIT_SECONDS: '600' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

it('walks three families through main round, decline, re-offer and 补录 with curl', async () => {
  const { code, output } = await walk();
  // What the walk printed, beside the screenshots: the transcript the guide quotes.
  mkdirSync(join(projectRoot(), 'test-results', 'browser'), { recursive: true });
  writeFileSync(join(projectRoot(), 'test-results', 'browser', 'rounds-walkthrough.txt'), output);
  expect({ code, output }).toEqual({ code: 0, output: expect.any(String) });
  const lines = output.split('\n');
  const statuses = (status: string) => lines.filter((l) => l.includes(`"status":"${status}"`));
  // One placed and two not in the main round; the place declined; taken from the waitlist.
  expect(statuses('NOT_ADMITTED').filter((l) => l.includes('"place":null'))).toHaveLength(2);
  expect(statuses('DECLINED')).toHaveLength(1);
  expect(lines.filter((l) => l.includes('"via":"OFFER"'))).toHaveLength(1);
  // The 补录 round starts from the main round's published result and places the last child.
  const supplementary = lines.find((l) => l.includes('"kind":"SUPPLEMENTARY"'));
  expect(supplementary).toContain('"earlierRounds":[{"roundId":"');
  expect(lines.filter((l) => l.includes('"verdict":"MATCH"'))).toHaveLength(2);
});
