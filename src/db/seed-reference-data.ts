import { GUANGXI_CITIES } from '../domain/reference/guangxi-divisions';
import type { Db } from './prisma-client';

/**
 * Reference data every deployment needs, loaded by `npm run db:migrate` (and `npm start`): every
 * county of Guangxi (GB/T 2260) and the 2026 and 2027 seasons with their birth-date cut-offs.
 * Nothing here is made up for a demo; schools, registration points and locks are a county's own
 * data (seed-demo-data.ts has a demo set). Upserts, so running it again changes nothing.
 */
const ENGLISH_NAMES: Record<string, string> = {
  '450103': 'Qingxiu District',
  '450703': 'Qinbei District',
};

const SEASONS = [2026, 2027].map((year) => ({
  year,
  name: `${year}年秋季学期义务教育招生`,
  primaryBornOnOrBefore: new Date(`${year - 6}-08-31T00:00:00Z`),
  juniorBornOnOrBefore: new Date(`${year - 11}-08-31T00:00:00Z`),
}));

export async function seedReferenceData(db: Db): Promise<void> {
  for (const season of SEASONS) {
    await db.season.upsert({ where: { year: season.year }, create: season, update: {} });
  }
  for (const city of GUANGXI_CITIES) {
    for (const county of city.counties) {
      const row = {
        code: county.code,
        nameZh: county.nameZh,
        nameEn: ENGLISH_NAMES[county.code] ?? null,
        cityCode: city.code,
        cityNameZh: city.nameZh,
      };
      await db.county.upsert({ where: { code: county.code }, create: row, update: row });
    }
  }
}
