import { Inject, Injectable } from '@nestjs/common';
import type { PublicInformationRepository } from '../../db/public-information-repository';
import { DEFAULT_POLICY, priorityPolicySchema } from '../../domain/eligibility/policy';
import type { FormType, Stage } from '../../domain/enrolment';
import { NotFoundError, RuleViolationError } from '../../domain/errors';
import { violation } from '../../domain/forms/violations';
import { materialsChecklist, type HousingType } from '../../domain/public-info/materials';
import { explainPolicy } from '../../domain/public-info/policy-text';
import { isGuangxiCounty } from '../../domain/reference/guangxi-divisions';
import type { PriorityKey } from '../../domain/allocation/model';
import type { RoundSchoolSummary } from '../../domain/reports/tables';
import { PUBLIC_INFORMATION } from '../injection-tokens';
import { publicationOf } from '../warnings/warnings.service';

type PublishedSchool = RoundSchoolSummary & { readonly cutoff: PriorityKey | null };

/** The public information (issue 15): reads only, nothing personal, published content only. */
@Injectable()
export class PublicService {
  constructor(@Inject(PUBLIC_INFORMATION) private readonly info: PublicInformationRepository) {}

  counties() {
    return this.info.counties();
  }

  async schools(countyCode: string, stage?: Stage) {
    await this.knownCounty(countyCode);
    return this.info.schools(countyCode, stage);
  }

  async windows(countyCode: string) {
    await this.knownCounty(countyCode);
    return this.info.windows(countyCode);
  }

  /** The county's policy for a stage and season in words; the region's default where it has none. */
  async policy(countyCode: string, stage: Stage, seasonYear: number) {
    await this.knownCounty(countyCode);
    const row = await this.info.policy(countyCode, stage, seasonYear);
    const policy = row ? priorityPolicySchema.parse(row.document) : DEFAULT_POLICY;
    return { countyCode, stage, seasonYear, countyOwn: !!row, ...explainPolicy(policy, stage) };
  }

  materials(stage: Stage, formType: FormType, housingType: HousingType) {
    const items = materialsChecklist(stage, formType, housingType);
    if (!items) throw new RuleViolationError([violation('housingType', 'HOUSING_TYPE_FOR_FORM_B')]);
    return { stage, formType, housingType, items };
  }

  async content(countyCode: string, kind: 'GUIDE' | 'FAQ') {
    await this.knownCounty(countyCode);
    return this.info.publishedContent(countyCode, kind);
  }

  /** Published rounds: totals per school and tier, and the cut-off as tier and lottery number. */
  async rounds(countyCode: string) {
    await this.knownCounty(countyCode);
    const rounds = await this.info.publishedRounds(countyCode);
    const summaries = rounds.map((r) => (r.summary ?? []) as unknown as PublishedSchool[]);
    const names = new Map(
      (await this.info.schoolNames(summaries.flat().map((s) => s.schoolId))).map((s) => [
        s.id,
        s.nameZh,
      ]),
    );
    return rounds.map(({ id, summary: _summary, ...round }, i) => ({
      roundId: id,
      ...round,
      schools: summaries[i]!.map((s) => ({
        schoolId: s.schoolId,
        nameZh: names.get(s.schoolId) ?? null,
        places: s.capacity,
        admitted: s.admitted,
        admittedByTier: s.admittedByTier,
        bureau: s.bureau,
        cutoff: s.cutoff && { tier: s.cutoff.tier, lottery: s.cutoff.lottery },
      })),
    }));
  }

  /** Warnings the bureau published: the latest version per stage and season, aggregates only. */
  async warnings(countyCode: string) {
    await this.knownCounty(countyCode);
    return (await this.info.publishedWarnings(countyCode)).map(publicationOf);
  }

  private async knownCounty(countyCode: string): Promise<void> {
    if (!isGuangxiCounty(countyCode) || !(await this.info.county(countyCode)))
      throw new NotFoundError('county');
  }
}
