import { InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useLang } from './i18n';
import { STAGES } from './names';
import { currentSession, sessionCounties } from './session';

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

/**
 * The county (of the signed-in person's scope), stage and season a bureau page works on, and the
 * three pickers that choose them, for the page to place.
 */
export function useSeasonScope() {
  const { tr } = useLang();
  const counties = sessionCounties(currentSession());
  const [county, setCounty] = useState(counties[0] ?? '');
  const [stage, setStage] = useState('PRIMARY_1');
  const [seasonYear, setSeasonYear] = useState(new Date().getFullYear());
  const pickers = (
    <>
      <Select
        aria-label={tr('县区', 'County')}
        style={{ width: 140 }}
        value={county}
        onChange={setCounty}
        options={counties.map((c) => ({ value: c, label: c }))}
      />
      <StageSelect value={stage} onChange={setStage} />
      <SeasonInput value={seasonYear} onChange={setSeasonYear} />
    </>
  );
  return { county, stage, seasonYear, pickers };
}
