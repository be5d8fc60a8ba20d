import { Input, InputNumber, Select, Space, Switch } from 'antd';
import { CHECK_OUTCOMES } from '../../../src/domain/enrolment';
import { useLang } from '../shared/i18n';
import { OUTCOME_NAMES, STAGES } from '../shared/names';
import { currentSession, sessionCounties } from '../shared/session';
import { STATUS_NAMES } from '../shared/ui';

/** The queue's filters as GET /review/queue takes them (QueueQueryDto). */
export interface Filters {
  status?: string;
  stage?: string;
  countyCode?: string;
  school?: string;
  tier?: number;
  outcome?: string;
  overdue?: boolean;
  sort: 'submitted' | 'waiting';
}

/** The queue's filters and order; a change starts again from the first page. */
export function QueueFilters({
  filters,
  change,
}: {
  filters: Filters;
  change: (next: Partial<Filters>) => void;
}) {
  const { tr, bi } = useLang();
  return (
    <>
      <FilterSelect
        label={tr('状态', 'Status')}
        placeholder={tr('全部状态', 'Any status')}
        width={180}
        value={filters.status}
        onChange={(status) => change({ status })}
        options={['AWAITING_REVIEW', 'AWAITING_OFFLINE_CHECK', 'NEEDS_SUPPLEMENT'].map((s) => ({
          value: s,
          label: bi(STATUS_NAMES[s as keyof typeof STATUS_NAMES]),
        }))}
      />
      <FilterSelect
        label={tr('学段', 'Stage')}
        placeholder={tr('全部学段', 'Any stage')}
        width={160}
        value={filters.stage}
        onChange={(stage) => change({ stage })}
        options={STAGES.map((s) => ({ value: s.value, label: bi(s) }))}
      />
      <CaseFilters filters={filters} change={change} />
      <Select
        aria-label={tr('排序', 'Sort')}
        style={{ width: 180 }}
        value={filters.sort}
        onChange={(sort: Filters['sort']) => change({ sort })}
        options={[
          { value: 'submitted', label: tr('最早提交优先', 'Oldest submitted first') },
          { value: 'waiting', label: tr('等待最久优先', 'Longest waiting first') },
        ]}
      />
      <label>
        <Space>
          <Switch
            checked={filters.overdue ?? false}
            onChange={(on) => change({ overdue: on || undefined })}
          />
          {tr('只看超期', 'Overdue only')}
        </Space>
      </label>
    </>
  );
}

/** Which cases: of a county in the reviewer's scope, choosing a school, at a tier, with a check outcome. */
function CaseFilters({
  filters,
  change,
}: {
  filters: Filters;
  change: (next: Partial<Filters>) => void;
}) {
  const { tr, bi } = useLang();
  return (
    <>
      <FilterSelect
        label={tr('县区', 'County')}
        placeholder={tr('全部县区', 'Any county')}
        width={140}
        value={filters.countyCode}
        onChange={(countyCode) => change({ countyCode })}
        options={sessionCounties(currentSession()).map((c) => ({ value: c, label: c }))}
      />
      <Input.Search
        aria-label={tr('志愿学校编号', 'School chosen')}
        allowClear
        placeholder={tr('志愿学校编号', 'School chosen')}
        style={{ width: 200 }}
        defaultValue={filters.school}
        onSearch={(school) => change({ school: school.trim() || undefined })}
      />
      <InputNumber
        aria-label={tr('第一志愿顺位', 'Tier at the first choice')}
        placeholder={tr('顺位', 'Tier')}
        min={1}
        max={20}
        value={filters.tier}
        onChange={(tier) => change({ tier: tier ?? undefined })}
      />
      <FilterSelect
        label={tr('核验结果', 'Check outcome')}
        placeholder={tr('任一核验结果', 'Any check outcome')}
        width={170}
        value={filters.outcome}
        onChange={(outcome) => change({ outcome })}
        options={CHECK_OUTCOMES.map((o) => ({ value: o, label: bi(OUTCOME_NAMES[o]) }))}
      />
    </>
  );
}

/** A filter that may be cleared: cleared, the queue is not filtered on it. */
function FilterSelect(props: {
  label: string;
  placeholder: string;
  width: number;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <Select
      aria-label={props.label}
      allowClear
      placeholder={props.placeholder}
      style={{ width: props.width }}
      value={props.value}
      onChange={(value?: string) => props.onChange(value)}
      options={props.options}
    />
  );
}
