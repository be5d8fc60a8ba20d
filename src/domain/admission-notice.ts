/*
 * The admission notice (录取通知) a placed family receives: the school, where and when to report
 * (报到), and what to bring. Pure data and text: the round builds it, the case records it, the
 * platform's notice and the family's view carry it unchanged.
 */

export interface NoticeText {
  readonly zh: string;
  readonly en: string;
}

/** What the county set for reporting at a school in a season (`PUT /admin/schools/:id/reporting/:season`). */
export interface ReportingArrangement {
  /** ISO instants: the reporting period. */
  readonly from: string;
  readonly until: string;
  readonly materials: readonly NoticeText[];
}

export interface AdmissionNotice {
  readonly school: { readonly id: string; readonly name: string; readonly address: string | null };
  /** The reporting period (报到时间); null while the county has not set it. */
  readonly report: { readonly from: string; readonly until: string } | null;
  readonly materials: readonly NoticeText[];
  /** The whole notice as the family reads it, Chinese and English. */
  readonly text: NoticeText;
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** `2026-08-28 08:30` in Beijing time, whatever the machine's zone. */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The notice for a child placed at `school`; without an arrangement it says one will follow. */
export function admissionNotice(
  school: { readonly id: string; readonly name: string; readonly address: string | null },
  reporting: ReportingArrangement | null,
): AdmissionNotice {
  const where = school.address
    ? { zh: `学校地址:${school.address}`, en: `School address: ${school.address}` }
    : { zh: '学校地址:请向学校咨询', en: 'School address: ask the school' };
  const when = reporting
    ? {
        zh: `报到时间:${beijingTime(reporting.from)} 至 ${beijingTime(reporting.until)}(北京时间)`,
        en: `Report between ${beijingTime(reporting.from)} and ${beijingTime(reporting.until)} (Beijing time)`,
      }
    : {
        zh: '报到时间:学校将另行通知',
        en: 'Reporting time: the school will announce it',
      };
  const materials = reporting?.materials ?? [];
  const bring = materials.length
    ? {
        zh: `请携带:${materials.map((m) => m.zh).join('、')}`,
        en: `Bring: ${materials.map((m) => m.en).join('; ')}`,
      }
    : { zh: '所需材料:学校将另行通知', en: 'What to bring: the school will announce it' };
  const lines = [
    { zh: `录取学校:${school.name}`, en: `School: ${school.name}` },
    where,
    when,
    bring,
  ];
  return {
    school,
    report: reporting && { from: reporting.from, until: reporting.until },
    materials,
    text: { zh: lines.map((l) => l.zh).join('\n'), en: lines.map((l) => l.en).join('\n') },
  };
}
