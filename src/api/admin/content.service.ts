import { Inject, Injectable } from '@nestjs/common';
import type {
  ContentKind,
  PublicInformationRepository,
} from '../../db/public-information-repository';
import { CONTENT_KINDS } from '../../db/public-information-repository';
import { NotFoundError, RuleViolationError } from '../../domain/errors';
import { violation } from '../../domain/forms/violations';
import { actorOf, type Principal } from '../../domain/principal';
import { requireCountyInScope } from '../county-params';
import { PUBLIC_INFORMATION } from '../injection-tokens';
import type { ContentDraftDto } from './dto';

interface EntryParams {
  readonly countyCode: string;
  readonly kind: string;
  readonly slug: string;
}

/**
 * The bureau's guide (办事指南) and FAQ: a county's administrators write versions; nothing is
 * public until a version is published, and a new draft leaves the published one in place.
 */
@Injectable()
export class ContentService {
  constructor(@Inject(PUBLIC_INFORMATION) private readonly info: PublicInformationRepository) {}

  versions(principal: Principal, countyCode: string) {
    requireCountyInScope(principal, countyCode);
    return this.info.contentVersions(countyCode);
  }

  draft(principal: Principal, params: EntryParams, body: ContentDraftDto) {
    return this.info.addDraft(entryKey(principal, params), body, actorOf(principal));
  }

  async publish(principal: Principal, params: EntryParams, version: number) {
    const published = await this.info.publish(
      entryKey(principal, params),
      version,
      actorOf(principal),
    );
    if (!published) throw new NotFoundError('content version');
    return published;
  }
}

function entryKey(principal: Principal, { countyCode, kind, slug }: EntryParams) {
  requireCountyInScope(principal, countyCode);
  if (!(CONTENT_KINDS as readonly string[]).includes(kind))
    throw new RuleViolationError([violation('kind', 'NOT_IN_LIST')]);
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(slug))
    throw new RuleViolationError([violation('slug', 'BAD_FORMAT')]);
  return { countyCode, kind: kind as ContentKind, slug };
}
