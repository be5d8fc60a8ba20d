import type { Stage } from '../domain/enrolment';
import type { Db } from './prisma-client';

export const CONTENT_KINDS = ['GUIDE', 'FAQ'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export interface ContentKey {
  readonly countyCode: string;
  readonly kind: ContentKind;
  readonly slug: string;
}

export interface ContentDraft {
  readonly titleZh: string;
  readonly titleEn?: string | undefined;
  readonly bodyZh: string;
  readonly bodyEn?: string | undefined;
  readonly sortOrder: number;
}

/**
 * What the public reads without a token (issue 15): reference data as it stands, and of what a
 * bureau writes (the guide, the FAQ, round results) only what it has published. Every select
 * names its columns, so no personal field can reach a public answer by a schema change.
 */
export class PublicInformationRepository {
  constructor(private readonly db: Db) {}

  counties() {
    return this.db.county.findMany({
      select: { code: true, nameZh: true, nameEn: true, cityCode: true, cityNameZh: true },
      orderBy: { code: 'asc' },
    });
  }

  county(code: string) {
    return this.db.county.findUnique({ where: { code }, select: { code: true } });
  }

  schools(countyCode: string, stage?: Stage) {
    return this.db.school.findMany({
      where: { countyCode, ...(stage && { stage }) },
      select: {
        id: true,
        countyCode: true,
        stage: true,
        nameZh: true,
        type: true,
        places: true,
        address: true,
        catchmentDescription: true,
        catchmentUnits: true,
      },
      orderBy: { id: 'asc' },
    });
  }

  windows(countyCode: string) {
    return this.db.registrationWindow.findMany({
      where: { countyCode },
      orderBy: [{ seasonYear: 'desc' }, { stage: 'asc' }],
    });
  }

  policy(countyCode: string, stage: Stage, seasonYear: number) {
    return this.db.admissionPolicy.findUnique({
      where: { countyCode_stage_seasonYear: { countyCode, stage, seasonYear } },
      select: { document: true, updatedAt: true },
    });
  }

  /** The published version of each entry of a kind, in the bureau's order. */
  publishedContent(countyCode: string, kind: ContentKind) {
    return this.db.publicContent.findMany({
      where: { countyCode, kind, status: 'PUBLISHED' },
      select: contentColumns,
      orderBy: [{ sortOrder: 'asc' }, { slug: 'asc' }],
    });
  }

  /** Every version of a county's entries, drafts included (for its administrators). */
  contentVersions(countyCode: string) {
    return this.db.publicContent.findMany({
      where: { countyCode },
      select: { ...contentColumns, status: true, createdBy: true, createdAt: true },
      orderBy: [{ kind: 'asc' }, { slug: 'asc' }, { version: 'desc' }],
    });
  }

  /** A new draft version of an entry (the entry's first if it has none). */
  addDraft(key: ContentKey, draft: ContentDraft, actor: string) {
    return this.db.$transaction(async (tx) => {
      const last = await tx.publicContent.aggregate({ where: key, _max: { version: true } });
      return tx.publicContent.create({
        data: {
          ...key,
          ...draft,
          version: (last._max.version ?? 0) + 1,
          status: 'DRAFT',
          createdBy: actor,
        },
        select: { ...contentColumns, status: true, createdBy: true, createdAt: true },
      });
    });
  }

  /**
   * Publishes one version, superseding the version published before; undefined when there is no
   * such version. Under the entry's row lock, so two publications end with one published.
   */
  publish(key: ContentKey, version: number, actor: string) {
    return this.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM public_content WHERE county_code = ${key.countyCode}
        AND kind = ${key.kind} AND slug = ${key.slug} FOR UPDATE`;
      const target = await tx.publicContent.findUnique({
        where: { countyCode_kind_slug_version: { ...key, version } },
      });
      if (!target) return undefined;
      await tx.publicContent.updateMany({
        where: { ...key, status: 'PUBLISHED', version: { not: version } },
        data: { status: 'SUPERSEDED' },
      });
      return tx.publicContent.update({
        where: { countyCode_kind_slug_version: { ...key, version } },
        data: { status: 'PUBLISHED', publishedBy: actor, publishedAt: new Date() },
        select: { ...contentColumns, status: true, createdBy: true, createdAt: true },
      });
    });
  }

  /** The county's published rounds: their commitments, hashes and per-school results. */
  publishedRounds(countyCode: string) {
    return this.db.admissionRound.findMany({
      where: { countyCode, status: 'PUBLISHED' },
      select: {
        id: true,
        stage: true,
        seasonYear: true,
        mechanism: true,
        algorithm: true,
        seedCommitment: true,
        seed: true,
        applicantListHash: true,
        policyVersion: true,
        summary: true,
        drawnAt: true,
      },
      orderBy: [{ seasonYear: 'desc' }, { stage: 'asc' }],
    });
  }

  /** The latest published version of a county's warnings per stage and season (issue 15). */
  publishedWarnings(countyCode: string) {
    return this.db.warningPublication.findMany({
      where: { countyCode },
      orderBy: [{ seasonYear: 'asc' }, { stage: 'asc' }, { version: 'desc' }],
      distinct: ['stage', 'seasonYear'],
      select: { stage: true, seasonYear: true, version: true, items: true, publishedAt: true },
    });
  }

  schoolNames(ids: readonly string[]) {
    return this.db.school.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, nameZh: true },
    });
  }
}

const contentColumns = {
  countyCode: true,
  kind: true,
  slug: true,
  version: true,
  titleZh: true,
  titleEn: true,
  bodyZh: true,
  bodyEn: true,
  sortOrder: true,
  publishedAt: true,
} as const;
