import { Button, Form, Space, Steps, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Violation } from '../../../src/domain/forms/violations';
import { api } from '../shared/api';
import { messageOf, placeViolations } from '../shared/form-errors';
import { useLang, type Lang } from '../shared/i18n';
import { navigate } from '../shared/router';
import { ProblemAlert, useLoad } from '../shared/ui';
import {
  formViolations,
  STEPS,
  stepViolations,
  toApplicationForm,
  type FamilyFormValues,
} from './form-rules';
import { changedPaths, Rules } from './apply-field';
import {
  ChildStep,
  ChoicesStep,
  GuardianStep,
  HomeStep,
  KindStep,
  type ConsentTextView,
} from './apply-steps';

/** Form A or B as a guided form for a phone: each step checked by the API's rules as the user types. */
export function Apply() {
  const { tr, lang } = useLang();
  const [form] = Form.useForm<FamilyFormValues>();
  const [values, setValues] = useState<FamilyFormValues>({
    seasonYear: 2026,
    stage: 'PRIMARY_1',
    formType: 'A',
    countyCode: '450103',
  });
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const consentTexts = useLoad(() => api<ConsentTextView[]>('GET', '/consent-texts'), []);
  const shownConsent = consentTexts.value?.find((t) => t.current);
  const { violations, rules, reach } = useRuleMessages(values, lang);

  function next() {
    const open = stepViolations(violations, step);
    reach(open.map((v) => v.path));
    if (!open.length) setStep(step + 1);
  }
  async function submit() {
    const open = violations;
    reach(open.map((v) => v.path));
    if (open.length) {
      // Back to the first step with a broken rule, where its message shows under its field.
      const first = STEPS.findIndex((_, i) => stepViolations(open, i).length > 0);
      setStep(first >= 0 ? first : step);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const receipt = await api<{ applicationNo: string }>('POST', '/applications', {
        body: toApplicationForm({
          ...values,
          consent: { ...values.consent, textVersion: shownConsent?.version },
        }),
        idempotencyKey: crypto.randomUUID(),
      });
      navigate(`/m/app/${receipt.applicationNo}`);
    } catch (e) {
      placeViolations(form, e, lang, [
        'child',
        'guardians',
        'housing',
        'residencePermit',
        'employment',
        'schoolChoices',
        'consent',
        'countyCode',
        'stage',
        'formType',
      ]);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const formB = values.formType === 'B';
  const stepTitles = [
    tr('报名类别', 'Kind'),
    tr('儿童', 'Child'),
    tr('监护人', 'Guardian'),
    tr('住房', 'Home'),
    tr('志愿', 'Schools'),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {tr('网上报名', 'Apply')}
      </Typography.Title>
      <Steps
        size="small"
        current={step}
        direction="horizontal"
        responsive={false}
        items={stepTitles.map((title) => ({ title }))}
      />
      <Rules.Provider value={rules}>
        <Form<FamilyFormValues>
          form={form}
          layout="vertical"
          initialValues={values}
          onValuesChange={(changed: Record<string, unknown>, all) => {
            // The fields' values leave out the season, which no field shows.
            setValues((old) => ({ ...all, seasonYear: old.seasonYear }));
            reach(changedPaths(changed));
          }}
        >
          <div hidden={step !== 0}>
            <KindStep />
          </div>
          <div hidden={step !== 1}>
            <ChildStep />
          </div>
          <div hidden={step !== 2}>
            <GuardianStep />
          </div>
          <div hidden={step !== 3}>
            <HomeStep formB={formB} />
          </div>
          <div hidden={step !== 4}>
            <ChoicesStep consent={shownConsent} />
          </div>
        </Form>
      </Rules.Provider>
      <ProblemAlert error={consentTexts.error ?? error} withViolations />
      <Space>
        {step > 0 && <Button onClick={() => setStep(step - 1)}>{tr('上一步', 'Back')}</Button>}
        {step < STEPS.length - 1 ? (
          <Button type="primary" onClick={next}>
            {tr('下一步', 'Next')}
          </Button>
        ) : (
          // The guardian agrees to words the page has shown: none loaded, nothing to submit.
          <Button
            type="primary"
            loading={busy}
            disabled={!shownConsent}
            onClick={() => void submit()}
          >
            {tr('提交报名', 'Submit')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

/**
 * The API's rules over the values as they are, and which fields the user has reached: a rule's
 * message shows under its field only once the user has reached it.
 */
function useRuleMessages(values: FamilyFormValues, lang: Lang) {
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const violations = useMemo(() => formViolations(values), [values]);
  const byPath = useMemo(() => {
    const map = new Map<string, Violation>();
    for (const v of violations) if (!map.has(v.path)) map.set(v.path, v);
    return map;
  }, [violations]);
  const rules = useMemo(
    () => ({
      shown: (path: string) => {
        const v = byPath.get(path);
        return v && touched.has(path) ? messageOf(v, lang) : undefined;
      },
    }),
    [byPath, touched, lang],
  );
  const reach = (paths: readonly string[]) => setTouched((old) => new Set([...old, ...paths]));
  return { violations, rules, reach };
}
