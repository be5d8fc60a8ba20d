import { chromiumPerFile } from './chromium-per-file';
import { devToken, expectAccessible, newPage, pick, PHONE, stackUrl } from './pages';

/** A family reads the public guide (一次告知) on its phone before it has an account. */
const browser = chromiumPerFile();

/** Publishes a guide section for the county as its bureau would; its title. */
async function publishGuideSection(countyCode: string): Promise<string> {
  const token = await devToken({
    role: 'CITY_ADMIN',
    sub: 'city-admin-guide',
    counties: [countyCode],
  });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const titleZh = '网上报名四步走';
  const draft = await fetch(`${stackUrl()}/admin/content/${countyCode}/GUIDE/online-steps`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({
      titleZh,
      bodyZh: '一、阅读指南;二、填写报名表;三、等待核验;四、查看结果。',
    }),
  });
  expect(draft.status).toBe(200);
  const { version } = (await draft.json()) as { version: number };
  const published = await fetch(
    `${stackUrl()}/admin/content/${countyCode}/GUIDE/online-steps/versions/${version}/publish`,
    { method: 'POST', headers },
  );
  expect(published.status).toBe(200);
  return titleZh;
}

it("shows a family what to prepare for its own case, the bureau's guide and the schools, unsigned", async () => {
  const title = await publishGuideSection('450103');
  const page = await newPage(browser(), PHONE);
  await page.goto(`${stackUrl()}/m/guide`);
  await page.getByRole('heading', { name: '办事指南', level: 2 }).waitFor();
  await pick(page, '县(市、区)', '青秀区');
  // Form A on an owned home: the certificate, and no business licence (Form B's).
  const materials = page.getByTestId('materials');
  await materials.locator('[data-code="HOUSING_OWNED_SOLE"]').waitFor();
  expect(await materials.locator('[data-code="BUSINESS_LICENCE"]').count()).toBe(0);
  // Form B on a registered rental: the rental's record and the business licence if self-employed.
  await pick(page, '报名表', 'B 表');
  await pick(page, '住房类型', '备案租房');
  await materials.locator('[data-code="HOUSING_REGISTERED_RENTAL"]').waitFor();
  await materials.locator('[data-code="BUSINESS_LICENCE"]').waitFor();
  await page.getByTestId('guide').getByText(title).waitFor();
  await page.getByTestId('schools').locator('[data-school="450103-P01"]').waitFor();
  await expectAccessible(page, 'public-guide');
});
