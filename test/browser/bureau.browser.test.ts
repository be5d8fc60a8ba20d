import { FIXTURE_FAMILIES } from '../../src/simulator/fixtures';
import { chromiumPerFile } from './chromium-per-file';
import {
  DESKTOP,
  expectAccessible,
  fileCase,
  newPage,
  pick,
  readmeScreenshot,
  reloadUntil,
  signInStaff,
} from './pages';

/** A city bureau's administrator reads its figures and reports as charts, each with its table. */
const browser = chromiumPerFile();

it("a bureau administrator sees its county's place warnings, cases and demand report", async () => {
  await fileCase(FIXTURE_FAMILIES.huangSiqi);
  const admin = await newPage(browser(), DESKTOP);
  await signInStaff(admin, '市教育局管理员', 'city-admin-01');
  await admin.getByRole('heading', { name: '预警与报表' }).waitFor();
  // The early-warning table: the worker's first run computes every county's levels at start, and
  // out of the box at least one demo school is short of places: a level that is not green.
  const shortOfPlaces = ['RED', 'ORANGE']
    .map((level) => `[data-testid="warnings"] [data-level="${level}"]`)
    .join(', ');
  await reloadUntil(admin, shortOfPlaces, 'a school warned of a shortage of places');
  await admin.getByRole('img', { name: '各预警等级学校数柱状图' }).locator('canvas').waitFor();
  await admin.getByRole('img', { name: '各状态案件数柱状图' }).locator('canvas').waitFor();
  // Temporal's visibility counts the new case a moment after it starts.
  await reloadUntil(admin, '[data-testid="status-counts"] [data-row-key]', 'a status row');
  // The demand report: every school of the county with its places, as bars and as a table.
  await admin.getByRole('img', { name: '各校志愿与学位柱状图' }).locator('canvas').waitFor();
  await admin.getByTestId('report').getByRole('cell', { name: '450103-P01' }).waitFor();
  // Forecast against the applications that came: the nightly forecast beside the first choices.
  await pick(admin, '报表', '预测与实际报名');
  await admin
    .getByTestId('report')
    .getByRole('columnheader', { name: '实际第一志愿人数' })
    .waitFor();
  await admin.getByTestId('report').getByRole('cell', { name: '450103-P01' }).waitFor();
  await pick(admin, '报表', '各校志愿与学位');
  await expectAccessible(admin, 'bureau');
  await readmeScreenshot(admin, 'bureau');
});
