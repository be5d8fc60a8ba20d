import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/paths';
import { scaled } from '../support/time-scale';
import { chromiumPerFile } from './chromium-per-file';
import { devToken, expectAccessible, newPage, PHONE, stackUrl } from './pages';

/**
 * docs/walkthrough/rounds.sh, the curl walk docs/admission-rounds.md shows, run as written
 * against the stack `npm start` runs: main round, decline, re-offer, 补录, both rounds verified.
 * Its county (450703) is one no other browser test places.
 */
jest.setTimeout(scaled(900_000));
const browser = chromiumPerFile();
const COUNTY = '450703';

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

  // The child the 补录 round placed: its family reads the notice on its phone and confirms (报到).
  const last = JSON.parse(lines.filter((l) => l.includes('"schoolId":"')).at(-1)!) as {
    applicationNo: string;
  };
  const family = await ownerOf(last.applicationNo);
  const page = await newPage(browser(), PHONE);
  await page.goto(`${stackUrl()}/m`);
  await page.getByLabel('监护人身份证号(实名认证)').fill(family.guardianIdNumber);
  await page.getByLabel('账号').fill(family.sub);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: new RegExp(last.applicationNo) }).click();
  await page.getByTestId('admission-notice').waitFor();
  await page.locator('[data-place-state="AWAITING_CONFIRMATION"]').waitFor();
  await expectAccessible(page, 'family-admitted');
  await page.getByRole('button', { name: '确认报到' }).click();
  await page.locator('[data-place-state="CONFIRMED"]').waitFor();
  await expectAccessible(page, 'family-confirmed');
});

/** The walk's families as it picks them (the same command, the stack's population). */
function walkFamilies(): { guardians: { idNumber: string }[]; countyCode: string }[] {
  const listed = spawnSync(
    'npm',
    ['run', '-s', 'simulator:families', '--', '--json', '--per-archetype', '50'],
    {
      cwd: projectRoot(),
      env: { ...process.env, SIMULATOR_POPULATION: '200' },
      encoding: 'utf8',
    },
  );
  const rows = JSON.parse(listed.stdout) as {
    archetype: string;
    form: { countyCode: string; guardians: { idNumber: string }[] };
  }[];
  return rows
    .filter((r) => r.archetype === 'SOLE_OWNER_AT_HUKOU' && r.form.countyCode === COUNTY)
    .slice(0, 3)
    .map((r) => r.form);
}

/** Which of the walk's three families owns the case: the one the API shows it to. */
async function ownerOf(applicationNo: string) {
  for (const [i, form] of walkFamilies().entries()) {
    const sub = `family-walkthrough-${i}`;
    const guardianIdNumber = form.guardians[0]!.idNumber;
    const token = await devToken({ role: 'PARENT', sub, guardianIdNumber });
    const seen = await fetch(`${stackUrl()}/applications/${applicationNo}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (seen.status === 200) return { sub, guardianIdNumber };
  }
  throw new Error(`no walkthrough family owns ${applicationNo}`);
}
