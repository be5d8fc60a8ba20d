import { InputNumber, Select } from 'antd';
import { useLang } from './i18n';
import { STAGES } from './names';

/** The stage picker every page uses; its accessible name is 学段 unless a page needs its own. */
export function StageSelect(props: {
  value: string | undefined;
  onChange: (stage: string) => void;
  label?: string;
}) {
  const { tr, bi } = useLang();
  return (
    <Select
      aria-label={props.label ?? tr('学段', 'Stage')}
      style={{ width: 160 }}
      value={props.value}
      onChange={props.onChange}
      options={STAGES.map((s) => ({ value: s.value, label: bi(s) }))}
    />
  );
}

/** The season (招生年度) picker, within the years the API takes. */
export function SeasonInput(props: { value: number; onChange: (year: number) => void }) {
  const { tr } = useLang();
  return (
    <InputNumber
      aria-label={tr('招生年度', 'Season')}
      min={2024}
      max={2100}
      value={props.value}
      onChange={(year) => year && props.onChange(year)}
    />
  );
}
