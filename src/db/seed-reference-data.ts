import type { Db } from './prisma-client';

/**
 * Demo reference data loaded by `npm start`: the 2026 season and two real Guangxi districts with
 * plausible schools. Upserts, so running it again changes nothing.
 */
const COUNTIES = [
  {
    code: '450103',
    nameZh: '青秀区',
    nameEn: 'Qingxiu District',
    cityCode: '450100',
    cityNameZh: '南宁市',
  },
  {
    code: '450703',
    nameZh: '钦北区',
    nameEn: 'Qinbei District',
    cityCode: '450700',
    cityNameZh: '钦州市',
  },
];

const SCHOOLS = [
  {
    id: '450103-P01',
    countyCode: '450103',
    stage: 'PRIMARY_1',
    nameZh: '南宁市青秀区桃源路小学',
    type: 'PUBLIC',
    places: 360,
  },
  {
    id: '450103-P02',
    countyCode: '450103',
    stage: 'PRIMARY_1',
    nameZh: '南宁市青秀区凤翔路小学',
    type: 'PUBLIC',
    places: 405,
  },
  {
    id: '450103-J01',
    countyCode: '450103',
    stage: 'JUNIOR_1',
    nameZh: '南宁市青秀区第一初级中学',
    type: 'PUBLIC',
    places: 600,
  },
  {
    id: '450703-P01',
    countyCode: '450703',
    stage: 'PRIMARY_1',
    nameZh: '钦州市钦北区长田小学',
    type: 'PUBLIC',
    places: 270,
  },
  {
    id: '450703-J01',
    countyCode: '450703',
    stage: 'JUNIOR_1',
    nameZh: '钦州市钦北区第一初级中学',
    type: 'PUBLIC',
    places: 450,
  },
] as const;

export async function seedReferenceData(db: Db): Promise<void> {
  await db.season.upsert({
    where: { year: 2026 },
    create: {
      year: 2026,
      name: '2026年秋季学期义务教育招生',
      primaryBornOnOrBefore: new Date('2020-08-31T00:00:00Z'),
    },
    update: {},
  });
  for (const county of COUNTIES) {
    await db.county.upsert({ where: { code: county.code }, create: county, update: county });
  }
  for (const school of SCHOOLS) {
    await db.school.upsert({ where: { id: school.id }, create: school, update: school });
  }
}
