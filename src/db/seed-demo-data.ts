import { LOCKED_CERTIFICATE } from '../domain/reference/demo-fixtures';
import type { Prisma } from '../generated/prisma/client';
import type { Db } from './prisma-client';

/**
 * Demo data, for the embedded start (`npm start`), the tests and the benchmarks only — never for
 * a deployment (`db:migrate` loads reference data alone): schools and registration points with
 * appointment slots in two real districts, and the housing lock the simulator's zhaoYu fixture
 * runs into. Needs the reference data (counties) first. Upserts, so running it again changes
 * nothing.
 */
const units = (county: string, from: number, to: number) =>
  Array.from(
    { length: to - from + 1 },
    (_, i) => `${county}-C${String(from + i).padStart(2, '0')}`,
  );

/** Demo schools; catchment units are the simulator's streets (one unit per street). */
const SCHOOLS: Prisma.SchoolUncheckedCreateInput[] = [
  {
    id: '450103-P01',
    countyCode: '450103',
    stage: 'PRIMARY_1',
    nameZh: '南宁市青秀区桃源路小学',
    type: 'PUBLIC',
    places: 360,
    catchmentUnits: units('450103', 1, 3),
    feederPrimaryIds: [],
    address: '南宁市青秀区桃源路38号',
    catchmentDescription: '桃源路、民族大道、七星路沿线(学区单元 C01–C03)',
  },
  {
    id: '450103-P02',
    countyCode: '450103',
    stage: 'PRIMARY_1',
    nameZh: '南宁市青秀区凤翔路小学',
    type: 'PUBLIC',
    places: 405,
    catchmentUnits: units('450103', 4, 6),
    feederPrimaryIds: [],
    address: '南宁市青秀区凤翔路12号',
    catchmentDescription: '凤翔路、竹溪大道、青山路沿线(学区单元 C04–C06)',
  },
  {
    id: '450103-J01',
    countyCode: '450103',
    stage: 'JUNIOR_1',
    nameZh: '南宁市青秀区第一初级中学',
    type: 'PUBLIC',
    places: 600,
    catchmentUnits: units('450103', 1, 6),
    feederPrimaryIds: ['450103-P01', '450103-P02'],
    address: '南宁市青秀区建政路6号',
    catchmentDescription: '桃源路小学、凤翔路小学对口片区(学区单元 C01–C06)',
  },
  {
    id: '450703-P01',
    countyCode: '450703',
    stage: 'PRIMARY_1',
    nameZh: '钦州市钦北区长田小学',
    type: 'PUBLIC',
    places: 270,
    catchmentUnits: units('450703', 1, 4),
    feederPrimaryIds: [],
    address: '钦州市钦北区长田街道长田路9号',
    catchmentDescription: '长田街道、鸿亭街道(学区单元 C01–C04)',
  },
  {
    id: '450703-J01',
    countyCode: '450703',
    stage: 'JUNIOR_1',
    nameZh: '钦州市钦北区第一初级中学',
    type: 'PUBLIC',
    places: 450,
    catchmentUnits: units('450703', 1, 4),
    feederPrimaryIds: ['450703-P01'],
    address: '钦州市钦北区子材大街50号',
    catchmentDescription: '长田小学对口片区(学区单元 C01–C04)',
  },
];

const POINTS = [
  {
    id: '450103-RP01',
    countyCode: '450103',
    kind: 'GOVERNMENT_SERVICE_CENTRE',
    nameZh: '青秀区政务服务中心',
    address: '南宁市青秀区东葛路118号',
  },
  {
    id: '450103-RP02',
    countyCode: '450103',
    kind: 'SCHOOL',
    nameZh: '桃源路小学报名点',
    address: '南宁市青秀区桃源路38号',
  },
  {
    id: '450703-RP01',
    countyCode: '450703',
    kind: 'ADMISSIONS_OFFICE',
    nameZh: '钦北区教育局招生办',
    address: '钦州市钦北区永福西大街',
  },
] as const;

/** Hourly slots, 09:00–12:00 and 14:30–17:30 China time, for the next `days` days. */
const SLOT_STARTS_UTC = ['01:00', '02:00', '03:00', '06:30', '07:30', '08:30'];
const SLOT_CAPACITY = 10;
/** The same hours as opening hours (China time, every day), for slots administrators add. */
const OPENING_HOURS = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
  { weekday, opens: '09:00', closes: '12:00' },
  { weekday, opens: '14:30', closes: '17:30' },
]);

export async function seedDemoData(db: Db, today = new Date(), days = 7): Promise<void> {
  for (const school of SCHOOLS) {
    await db.school.upsert({ where: { id: school.id }, create: school, update: school });
  }
  // An earlier admission locked this certificate (学位锁定), so the zhaoYu fixture shows the rule.
  await db.housingLock.upsert({
    where: { certificateNo: LOCKED_CERTIFICATE },
    create: {
      certificateNo: LOCKED_CERTIFICATE,
      stage: 'PRIMARY_1',
      lockedUntil: new Date('2029-08-31T00:00:00Z'),
      applicationNo: '2023-450103-000042-7',
    },
    update: {},
  });
  for (const listed of POINTS) {
    const point = { ...listed, openingHours: OPENING_HOURS };
    await db.registrationPoint.upsert({ where: { id: point.id }, create: point, update: point });
    for (let d = 0; d < days; d += 1) {
      const day = new Date(today.getTime() + d * 86_400_000).toISOString().slice(0, 10);
      for (const start of SLOT_STARTS_UTC) {
        const startsAt = new Date(`${day}T${start}:00Z`);
        await db.appointmentSlot.upsert({
          where: { pointId_startsAt: { pointId: point.id, startsAt } },
          create: {
            id: `${point.id}-${startsAt.toISOString()}`,
            pointId: point.id,
            startsAt,
            endsAt: new Date(startsAt.getTime() + 3_600_000),
            capacity: SLOT_CAPACITY,
          },
          update: {},
        });
      }
    }
  }
}
