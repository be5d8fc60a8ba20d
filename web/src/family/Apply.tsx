import {
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Steps,
  Typography,
} from 'antd';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { GUARDIAN_RELATIONS, HOUSING_TYPES } from '../../../src/domain/forms/application-form';
import type { Violation } from '../../../src/domain/forms/violations';
import { api } from '../shared/api';
import { messageOf, placeViolations } from '../shared/form-errors';
import { useLang } from '../shared/i18n';
import { navigate } from '../shared/router';
import { ProblemAlert } from '../shared/ui';
import {
  formViolations,
  STEPS,
  stepViolations,
  toApplicationForm,
  type FamilyFormValues,
} from './form-rules';

type Name = (string | number)[];
const key = (name: Name) =>
  name
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');

/** The current violations and which fields the user has reached, for every field to read. */
const Rules = createContext<{ shown: (path: string) => string | undefined }>({
  shown: () => undefined,
});

/** One field whose message is the API's rule text, shown once the user has typed there. */
function Field({
  name,
  label,
  children,
  valuePropName,
}: {
  name: Name;
  label: string;
  children: ReactNode;
  valuePropName?: string;
}) {
  const message = useContext(Rules).shown(key(name));
  return (
    <Form.Item
      name={name}
      label={label}
      valuePropName={valuePropName}
      validateStatus={message ? 'error' : undefined}
      help={message}
    >
      {children}
    </Form.Item>
  );
}

const RELATION_NAMES: Record<string, [string, string]> = {
  FATHER: ['父亲', 'Father'],
  MOTHER: ['母亲', 'Mother'],
  PATERNAL_GRANDFATHER: ['祖父', 'Paternal grandfather'],
  PATERNAL_GRANDMOTHER: ['祖母', 'Paternal grandmother'],
  MATERNAL_GRANDFATHER: ['外祖父', 'Maternal grandfather'],
  MATERNAL_GRANDMOTHER: ['外祖母', 'Maternal grandmother'],
  LEGAL_GUARDIAN: ['法定监护人', 'Legal guardian'],
};
const HOUSING_NAMES: Record<string, [string, string]> = {
  OWNED_SOLE: ['自有住房(独有)', 'Own home (sole)'],
  OWNED_SHARED: ['自有住房(共有)', 'Own home (shared)'],
  GRANDPARENT_OWNED: ['祖辈住房', "Grandparents' home"],
  PURCHASE_CONTRACT: ['购房合同', 'Purchase contract'],
  REGISTERED_RENTAL: ['备案租房', 'Registered rental'],
  NONE: ['无', 'None'],
};

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
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
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
  const t = (pair: [string, string]) => (lang === 'zh' ? pair[0] : pair[1]);

  function reach(paths: readonly string[]) {
    setTouched((old) => new Set([...old, ...paths]));
  }
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
        body: toApplicationForm(values),
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
            <Field name={['stage']} label={tr('学段', 'Stage')}>
              <Radio.Group
                options={[
                  { value: 'PRIMARY_1', label: tr('幼升小', 'Primary 1') },
                  { value: 'JUNIOR_1', label: tr('小升初', 'Junior 1') },
                ]}
              />
            </Field>
            <Field name={['formType']} label={tr('报名表', 'Form')}>
              <Radio.Group
                options={[
                  { value: 'A', label: tr('A 表(户籍类)', 'Form A (local hukou)') },
                  { value: 'B', label: tr('B 表(随迁子女)', 'Form B (non-local)') },
                ]}
              />
            </Field>
            <Field name={['countyCode']} label={tr('报名县(市、区)代码', 'County code')}>
              <Input inputMode="numeric" />
            </Field>
          </div>
          <div hidden={step !== 1}>
            <Field name={['child', 'name']} label={tr('儿童姓名', "Child's name")}>
              <Input />
            </Field>
            <Field name={['child', 'idNumber']} label={tr('儿童身份证号', "Child's ID number")}>
              <Input autoComplete="off" />
            </Field>
            <Field
              name={['child', 'birthDate']}
              label={tr('出生日期(YYYY-MM-DD)', 'Birth date (YYYY-MM-DD)')}
            >
              <Input inputMode="numeric" />
            </Field>
            <Field name={['child', 'gender']} label={tr('性别', 'Gender')}>
              <Radio.Group
                options={[
                  { value: 'MALE', label: tr('男', 'Male') },
                  { value: 'FEMALE', label: tr('女', 'Female') },
                ]}
              />
            </Field>
            <Field
              name={['child', 'ethnicity']}
              label={tr('民族代码(如 01 汉族,08 壮族)', 'Ethnicity code (01 Han, 08 Zhuang)')}
            >
              <Input inputMode="numeric" />
            </Field>
            <Field name={['child', 'hukouAddress']} label={tr('户籍地址', 'Hukou address')}>
              <Input />
            </Field>
            <Field
              name={['child', 'hukouDivisionCode']}
              label={tr('户籍所在县区代码', 'Hukou county code')}
            >
              <Input inputMode="numeric" />
            </Field>
            <Field name={['child', 'currentAddress']} label={tr('现居住地址', 'Current address')}>
              <Input />
            </Field>
          </div>
          <div hidden={step !== 2}>
            <Field name={['guardians', 0, 'name']} label={tr('监护人姓名', "Guardian's name")}>
              <Input />
            </Field>
            <Field name={['guardians', 0, 'relation']} label={tr('与儿童关系', 'Relation')}>
              <Select
                options={GUARDIAN_RELATIONS.map((r) => ({
                  value: r,
                  label: t(RELATION_NAMES[r]!),
                }))}
              />
            </Field>
            <Field
              name={['guardians', 0, 'idNumber']}
              label={tr('监护人身份证号', "Guardian's ID number")}
            >
              <Input autoComplete="off" />
            </Field>
            <Field name={['guardians', 0, 'mobile']} label={tr('手机号码', 'Mobile')}>
              <Input inputMode="tel" />
            </Field>
          </div>
          <div hidden={step !== 3}>
            <Field name={['housing', 'type']} label={tr('住房类型', 'Housing')}>
              <Select
                allowClear
                options={HOUSING_TYPES.map((h) => ({ value: h, label: t(HOUSING_NAMES[h]!) }))}
              />
            </Field>
            <Field
              name={['housing', 'certificateNo']}
              label={tr('不动产权证或合同编号', 'Certificate or contract number')}
            >
              <Input />
            </Field>
            <Field name={['housing', 'address']} label={tr('住房地址', 'Home address')}>
              <Input />
            </Field>
            {formB && (
              <>
                <Field
                  name={['residencePermit', 'number']}
                  label={tr('居住证号码', 'Residence permit number')}
                >
                  <Input />
                </Field>
                <Field
                  name={['residencePermit', 'issueDate']}
                  label={tr('居住证签发日期', 'Permit issue date')}
                >
                  <Input inputMode="numeric" placeholder="2025-03-01" />
                </Field>
                <Field
                  name={['residencePermit', 'issuingCountyCode']}
                  label={tr('签发县区代码', 'Issuing county code')}
                >
                  <Input inputMode="numeric" />
                </Field>
                <Field name={['employment', 'type']} label={tr('就业类型', 'Employment')}>
                  <Select
                    options={[
                      { value: 'EMPLOYED', label: tr('受雇', 'Employed') },
                      { value: 'SELF_EMPLOYED', label: tr('个体经营', 'Self-employed') },
                    ]}
                  />
                </Field>
                <Field
                  name={['employment', 'employerOrLicence']}
                  label={tr('单位名称或营业执照号', 'Employer or licence')}
                >
                  <Input />
                </Field>
                <Field
                  name={['employment', 'socialInsuranceMonths']}
                  label={tr('社保缴纳月数', 'Months of social insurance')}
                >
                  <InputNumber min={0} max={600} style={{ width: '100%' }} />
                </Field>
              </>
            )}
          </div>
          <div hidden={step !== 4}>
            {[0, 1, 2].map((i) => (
              <Field
                key={i}
                name={['schoolChoices', i]}
                label={tr(`第 ${i + 1} 志愿学校代码`, `School choice ${i + 1}`)}
              >
                <Input placeholder={i === 0 ? '450103-P01' : undefined} />
              </Field>
            ))}
            <Field
              name={['consent', 'dataVerification']}
              label={tr('数据核验授权', 'Data verification')}
              valuePropName="checked"
            >
              <Checkbox>
                {tr(
                  '同意通过部门数据核验所填信息',
                  'I agree to verification against department data',
                )}
              </Checkbox>
            </Field>
            <Field
              name={['consent', 'guardianConsentForChild']}
              label={tr('监护人同意', "Guardian's consent")}
              valuePropName="checked"
            >
              <Checkbox>
                {tr(
                  '作为监护人同意处理儿童信息',
                  "As guardian I consent to processing the child's data",
                )}
              </Checkbox>
            </Field>
          </div>
        </Form>
      </Rules.Provider>
      <ProblemAlert error={error} withViolations />
      <Space>
        {step > 0 && <Button onClick={() => setStep(step - 1)}>{tr('上一步', 'Back')}</Button>}
        {step < STEPS.length - 1 ? (
          <Button type="primary" onClick={next}>
            {tr('下一步', 'Next')}
          </Button>
        ) : (
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            {tr('提交报名', 'Submit')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

/** The dotted paths of what a change touched: {child: {name}} → child.name. */
function changedPaths(changed: unknown, prefix = ''): string[] {
  if (changed === null || typeof changed !== 'object') return [prefix];
  return Object.entries(changed).flatMap(([k, v]) => {
    const part = Array.isArray(changed) ? `${prefix}[${k}]` : prefix ? `${prefix}.${k}` : k;
    return v !== null && typeof v === 'object' ? changedPaths(v, part) : [part];
  });
}
