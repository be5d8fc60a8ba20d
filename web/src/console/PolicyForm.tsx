import { Button, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  DEFAULT_POLICY_CARE,
  PREDICATE_NAMES,
  PREDICATES,
  type PolicyCareRule,
  type PriorityPolicy,
} from '../../../src/domain/eligibility/policy';
import { api, ApiError } from '../shared/api';
import { placeViolations } from '../shared/form-errors';
import { useLang } from '../shared/i18n';
import { ProblemAlert } from '../shared/ui';
import { TierList } from './TierList';

/** The form edits the document as it is, but for policy care, picked by category code. */
type Values = Omit<PriorityPolicy, 'policyCare'> & { policyCare: string[] };

const FIELDS = [
  'version',
  'mechanism',
  'hukouMonthsThreshold',
  'socialInsuranceMonths',
  'lockYears',
  'tieBreaks',
  'tiers',
  'policyCare',
] as const;

const MECHANISMS = [
  {
    value: 'DEFERRED_ACCEPTANCE',
    zh: '平行志愿(延迟接受)',
    en: 'All choices at once (deferred acceptance)',
  },
  { value: 'FIRST_CHOICE_FIRST', zh: '志愿优先', en: 'First choice first' },
];

const TIE_BREAKS = [
  {
    value: 'EARLIEST_QUALIFYING_DATE',
    zh: '登记或迁入时间早者优先',
    en: 'Earliest qualifying date',
  },
  { value: 'LONGEST_CONTRIBUTION', zh: '居住证或社保时间长者优先', en: 'Longest contribution' },
];

/** The rules of the categories kept: the policy's own names where it has them. */
function careRules(codes: string[], policy: PriorityPolicy): PolicyCareRule[] {
  const known = [...(policy.policyCare ?? []), ...DEFAULT_POLICY_CARE];
  return codes.map((code) => known.find((rule) => rule.code === code)!);
}

/** Ranks follow the order on the page: the first tier is 第1顺位. */
function toDocument(values: Values, policy: PriorityPolicy): PriorityPolicy {
  return {
    ...values,
    tiers: values.tiers.map((tier, i) => ({ ...tier, rank: i + 1 })),
    policyCare: careRules(values.policyCare, policy),
  };
}

/** The whole policy on one form, saved with PUT; the API's rules show under their fields. */
export function PolicyForm(props: { path: string; policy: PriorityPolicy; onSaved: () => void }) {
  const { tr, bi, lang } = useLang();
  const [form] = Form.useForm<Values>();
  const [state, setState] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  const initial: Values = {
    ...props.policy,
    mechanism: props.policy.mechanism ?? 'DEFERRED_ACCEPTANCE',
    tiers: [...props.policy.tiers].sort((a, b) => a.rank - b.rank),
    policyCare: (props.policy.policyCare ?? DEFAULT_POLICY_CARE).map((rule) => rule.code),
  };

  async function save(values: Values) {
    setState({ busy: true });
    try {
      await api('PUT', props.path, { body: toDocument(values, props.policy) });
      // The page reloads the saved policy and this form starts again from it.
      setState({ busy: false });
      props.onSaved();
    } catch (error) {
      const unplaced = placeViolations(form, error, lang, FIELDS);
      const shown = unplaced.length || !(error instanceof ApiError) || !error.violations.length;
      setState({ busy: false, error: shown ? error : undefined });
    }
  }

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)}>
      <PolicyRules />
      <Typography.Title level={4}>{tr('录取顺位', 'Tiers')}</Typography.Title>
      <TierList predicates={PREDICATES.map((p) => ({ value: p, label: bi(PREDICATE_NAMES[p]) }))} />
      <Form.Item name="policyCare" label={tr('认可的政策性照顾类别', 'Policy-care categories')}>
        <Checkbox.Group
          options={DEFAULT_POLICY_CARE.map((c) => ({
            value: c.code,
            label: bi({ zh: c.nameZh, en: c.nameEn }),
          }))}
        />
      </Form.Item>
      <ProblemAlert error={state.error} />
      <Button type="primary" htmlType="submit" loading={state.busy} style={{ marginTop: 8 }}>
        {tr('保存政策', 'Save the policy')}
      </Button>
    </Form>
  );
}

/** The rules around the tiers: version, mechanism, thresholds, lock years and tie-breaks. */
function PolicyRules() {
  const { tr, bi } = useLang();
  return (
    <>
      <Space wrap size="large" align="start">
        <Form.Item name="version" label={tr('政策版本', 'Version')}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="mechanism" label={tr('录取方式', 'Mechanism')}>
          <Select
            style={{ width: 260 }}
            options={MECHANISMS.map((m) => ({ value: m.value, label: bi(m) }))}
          />
        </Form.Item>
        <Form.Item
          name="hukouMonthsThreshold"
          label={tr('户籍迁入满(月)', 'Hukou months threshold')}
        >
          <InputNumber />
        </Form.Item>
        <Form.Item
          name="socialInsuranceMonths"
          label={tr('社保缴纳满(月,近24个月内)', 'Social insurance months (of 24)')}
        >
          <InputNumber />
        </Form.Item>
        <Form.Item
          name={['lockYears', 'PRIMARY_1']}
          label={tr('小学住房锁定(年)', 'Primary lock years')}
        >
          <InputNumber />
        </Form.Item>
        <Form.Item
          name={['lockYears', 'JUNIOR_1']}
          label={tr('初中住房锁定(年)', 'Junior lock years')}
        >
          <InputNumber />
        </Form.Item>
      </Space>
      <Form.Item name="tieBreaks" label={tr('同顺位排序(按所选先后)', 'Tie-breaks, in order')}>
        <Select
          mode="multiple"
          options={TIE_BREAKS.map((t) => ({ value: t.value, label: bi(t) }))}
        />
      </Form.Item>
    </>
  );
}
