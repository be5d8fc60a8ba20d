import {
  defineSearchAttributeKey,
  SearchAttributeType,
  type SearchAttributePair,
} from '@temporalio/common';
import type { ApplicationForm } from '../domain/forms/application-form';

/**
 * Custom search attributes of every application workflow (DESIGN.md §2). The dev-server launcher
 * registers the same names and types; operators query them in Temporal's visibility and Web UI.
 */
export const EnrolmentStatusKey = defineSearchAttributeKey(
  'EnrolmentStatus',
  SearchAttributeType.KEYWORD,
);
export const CountyCodeKey = defineSearchAttributeKey('CountyCode', SearchAttributeType.KEYWORD);
export const StageKey = defineSearchAttributeKey('Stage', SearchAttributeType.KEYWORD);
export const SeasonYearKey = defineSearchAttributeKey('SeasonYear', SearchAttributeType.INT);
export const FormTypeKey = defineSearchAttributeKey('FormType', SearchAttributeType.KEYWORD);
export const ChannelKey = defineSearchAttributeKey('Channel', SearchAttributeType.KEYWORD);
export const ReviewOverdueKey = defineSearchAttributeKey('ReviewOverdue', SearchAttributeType.BOOL);

export const ENROLMENT_SEARCH_ATTRIBUTES = [
  EnrolmentStatusKey,
  CountyCodeKey,
  StageKey,
  SeasonYearKey,
  FormTypeKey,
  ChannelKey,
  ReviewOverdueKey,
] as const;

/** What an application workflow starts with; its code keeps EnrolmentStatus up to date. */
export function initialSearchAttributes(
  form: Pick<ApplicationForm, 'countyCode' | 'stage' | 'seasonYear' | 'formType' | 'channel'>,
): SearchAttributePair[] {
  return [
    { key: EnrolmentStatusKey, value: 'SUBMITTED' },
    { key: CountyCodeKey, value: form.countyCode },
    { key: StageKey, value: form.stage },
    { key: SeasonYearKey, value: form.seasonYear },
    { key: FormTypeKey, value: form.formType },
    { key: ChannelKey, value: form.channel },
  ];
}
