import { Checkbox, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { GUARDIAN_RELATIONS, HOUSING_TYPES } from '../../../src/domain/forms/application-form';
import { FORMS, HOUSING_NAMES, STAGES } from '../shared/names';
import { useLang } from '../shared/i18n';
import { Field } from './apply-field';

/* The family form's five steps, in the order STEPS (form-rules.ts) checks them. */

const RELATION_NAMES: Record<string, [string, string]> = {
  FATHER: ['父亲', 'Father'],
  MOTHER: ['母亲', 'Mother'],
  PATERNAL_GRANDFATHER: ['祖父', 'Paternal grandfather'],
  PATERNAL_GRANDMOTHER: ['祖母', 'Paternal grandmother'],
  MATERNAL_GRANDFATHER: ['外祖父', 'Maternal grandfather'],
  MATERNAL_GRANDMOTHER: ['外祖母', 'Maternal grandmother'],
  LEGAL_GUARDIAN: ['法定监护人', 'Legal guardian'],
};

/** The kind of application: stage, form (A local hukou, B non-local) and county. */
export function KindStep() {
  const { tr, bi } = useLang();
  return (
    <>
      <Field name={['stage']} label={tr('学段', 'Stage')}>
        <Radio.Group options={STAGES.map((s) => ({ value: s.value, label: bi(s) }))} />
      </Field>
      <Field name={['formType']} label={tr('报名表', 'Form')}>
        <Radio.Group options={FORMS.map((f) => ({ value: f.value, label: bi(f) }))} />
      </Field>
      <Field name={['countyCode']} label={tr('报名县(市、区)代码', 'County code')}>
        <Input inputMode="numeric" />
      </Field>
    </>
  );
}

/** The child as the hukou booklet and ID card give it. */
export function ChildStep() {
  const { tr } = useLang();
  return (
    <>
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
    </>
  );
}

/** The guardian who applies: name, relation, ID number and mobile. */
export function GuardianStep() {
  const { tr } = useLang();
  return (
    <>
      <Field name={['guardians', 0, 'name']} label={tr('监护人姓名', "Guardian's name")}>
        <Input />
      </Field>
      <Field name={['guardians', 0, 'relation']} label={tr('与儿童关系', 'Relation')}>
        <Select
          options={GUARDIAN_RELATIONS.map((r) => ({
            value: r,
            label: tr(...RELATION_NAMES[r]!),
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
    </>
  );
}

/** The home, and for Form B the residence permit and employment. */
export function HomeStep({ formB }: { formB: boolean }) {
  const { tr, bi } = useLang();
  return (
    <>
      <Field name={['housing', 'type']} label={tr('住房类型', 'Housing')}>
        <Select
          allowClear
          options={HOUSING_TYPES.map((h) => ({ value: h, label: bi(HOUSING_NAMES[h]) }))}
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
    </>
  );
}

/** A consent text as GET /consent-texts gives it: each purpose with its form field and words. */
export interface ConsentTextView {
  version: string;
  current: boolean;
  purposes: Array<{ purpose: string; formField: string; text: { zh: string; en: string } }>;
}

/** What each consent's checkbox is called; its words are the published text's. */
const PURPOSE_LABELS: Record<string, { zh: string; en: string }> = {
  DATA_SHARING_VERIFICATION: { zh: '数据核验授权', en: 'Data verification' },
  CHILD_SENSITIVE_DATA: { zh: '监护人同意', en: "Guardian's consent" },
};

/** The school choices and the consents, in the words of the version the guardian is shown. */
export function ChoicesStep({ consent }: { consent: ConsentTextView | undefined }) {
  const { tr, bi } = useLang();
  return (
    <>
      {[0, 1, 2].map((i) => (
        <Field
          key={i}
          name={['schoolChoices', i]}
          label={tr(`第 ${i + 1} 志愿学校代码`, `School choice ${i + 1}`)}
        >
          <Input placeholder={i === 0 ? '450103-P01' : undefined} />
        </Field>
      ))}
      {consent?.purposes.map((p) => (
        <Field
          key={p.purpose}
          name={['consent', p.formField]}
          label={bi(PURPOSE_LABELS[p.purpose] ?? { zh: p.purpose, en: p.purpose })}
          valuePropName="checked"
        >
          <Checkbox>{bi(p.text)}</Checkbox>
        </Field>
      ))}
      {consent && (
        <Typography.Paragraph type="secondary">
          {tr(`知情同意书版本 ${consent.version}`, `Consent text version ${consent.version}`)}
        </Typography.Paragraph>
      )}
    </>
  );
}
