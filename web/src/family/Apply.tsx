import { Button, Form, Space, Steps, Typography, type FormInstance } from 'antd';
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

/** What a new application starts as, before the family changes any of it. */
const NEW_APPLICATION: FamilyFormValues = {
  seasonYear: 2026,
  stage: 'PRIMARY_1',
  formType: 'A',
  countyCode: '450103',
};

/** Form A or B as a guided form for a phone: each step checked by the API's rules as the user types. */
export function Apply() {
  const { tr, lang } = useLang();
  const [form] = Form.useForm<FamilyFormValues>();
  const [values, setValues] = useState<FamilyFormValues>(NEW_APPLICATION);
  const [step, setStep] = useState(0);
  const consentTexts = useLoad(() => api<ConsentTextView[]>('GET', '/consent-texts'), []);
  const shownConsent = consentTexts.value?.find((t) => t.current);
  const { violations, rules, reach } = useRuleMessages(values, lang);
  const sending = useSendApplication(form);

  function next() {
    const open = stepViolations(violations, step);
    reach(open.map((v) => v.path));
    if (!open.length) setStep(step + 1);
  }
  function submit() {
    const open = violations;
    reach(open.map((v) => v.path));
    if (open.length) {
      // Back to the first step with a broken rule, where its message shows under its field.
      const first = STEPS.findIndex((_, i) => stepViolations(open, i).length > 0);
      setStep(first >= 0 ? first : step);
      return;
    }
    void sending.send(values, shownConsent);
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {tr('网上报名', 'Apply')}
      </Typography.Title>
      <StepProgress step={step} />
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
          <StepBodies step={step} formB={values.formType === 'B'} consent={shownConsent} />
        </Form>
      </Rules.Provider>
      <ProblemAlert error={consentTexts.error ?? sending.error} withViolations />
      <StepButtons
        step={step}
        onBack={() => setStep(step - 1)}
        onNext={next}
        onSubmit={submit}
        busy={sending.busy}
        consentShown={!!shownConsent}
      />
    </Space>
  );
}

/** Where the user is among the five steps. */
function StepProgress({ step }: { step: number }) {
  const { tr } = useLang();
  const stepTitles = [
    tr('报名类别', 'Kind'),
    tr('儿童', 'Child'),
    tr('监护人', 'Guardian'),
    tr('住房', 'Home'),
    tr('志愿', 'Schools'),
  ];
  return (
    <Steps
      size="small"
      current={step}
      direction="horizontal"
      responsive={false}
      items={stepTitles.map((title) => ({ title }))}
    />
  );
}

/** Every step's fields stay mounted (hidden when not current), so the form keeps their values. */
function StepBodies({
  step,
  formB,
  consent,
}: {
  step: number;
  formB: boolean;
  consent: ConsentTextView | undefined;
}) {
  return (
    <>
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
        <ChoicesStep consent={consent} />
      </div>
    </>
  );
}

/** Back, and Next until the last step, where Submit takes its place. */
function StepButtons(props: {
  step: number;
  onBack: () => void;
  onNext: () => void;
  onSubmit: () => void;
  busy: boolean;
  consentShown: boolean;
}) {
  const { tr } = useLang();
  return (
    <Space>
      {props.step > 0 && <Button onClick={props.onBack}>{tr('上一步', 'Back')}</Button>}
      {props.step < STEPS.length - 1 ? (
        <Button type="primary" onClick={props.onNext}>
          {tr('下一步', 'Next')}
        </Button>
      ) : (
        // The guardian agrees to words the page has shown: none loaded, nothing to submit.
        <Button
          type="primary"
          loading={props.busy}
          disabled={!props.consentShown}
          onClick={props.onSubmit}
        >
          {tr('提交报名', 'Submit')}
        </Button>
      )}
    </Space>
  );
}

/** The fields of the form the API's violations can be placed under. */
const FORM_FIELDS = [
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
];

/**
 * Sends the application, with the version of the consent text the page showed, under a fresh
 * idempotency key, then opens it; the API's violations go under their fields.
 */
function useSendApplication(form: FormInstance<FamilyFormValues>) {
  const { lang } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function send(values: FamilyFormValues, consent: ConsentTextView | undefined) {
    setBusy(true);
    setError(null);
    try {
      const receipt = await api<{ applicationNo: string }>('POST', '/applications', {
        body: toApplicationForm({
          ...values,
          consent: { ...values.consent, textVersion: consent?.version },
        }),
        idempotencyKey: crypto.randomUUID(),
      });
      navigate(`/m/app/${receipt.applicationNo}`);
    } catch (e) {
      placeViolations(form, e, lang, FORM_FIELDS);
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, send };
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
