import { Button, Card, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { DEFAULT_POLICY_CARE } from '../../../src/domain/eligibility/policy';
import {
  CONFIRMABLE_FACTS,
  type ConfirmableFact,
} from '../../../src/domain/eligibility/confirmations';
import { useLang } from '../shared/i18n';

/** A fact as the form holds it before it is sent (dates as typed, an empty unit as none). */
export type FactValues = Record<string, unknown> & { fact: ConfirmableFact; confirmed: boolean };

/** The body's `confirms`: an emptied catchment unit means the address is in none. */
export function confirmsOf(values: readonly FactValues[] | undefined) {
  return (values ?? []).map((v) =>
    'catchmentUnit' in v ? { ...v, catchmentUnit: v.catchmentUnit || null } : v,
  );
}

const FACTS = Object.keys(CONFIRMABLE_FACTS) as ConfirmableFact[];

/**
 * The facts a document confirms (or a reviewer corrects), each with what only the document says;
 * the API's schema (confirmations.ts) names the rest of each fact from the statement. Used by the
 * offline check's `confirms` and by the facts panel.
 */
export function FactList({ name }: { name: string }) {
  const { tr, bi } = useLang();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              title={tr(`事实 ${i + 1}`, `Fact ${i + 1}`)}
              extra={
                <Button size="small" danger onClick={() => remove(field.name)}>
                  {tr(`删除事实 ${i + 1}`, `Remove fact ${i + 1}`)}
                </Button>
              }
            >
              <Space wrap align="start">
                <Form.Item
                  name={[field.name, 'fact']}
                  label={tr(`事实 ${i + 1} 类型`, `Fact ${i + 1}`)}
                >
                  <Select
                    style={{ width: 200 }}
                    options={FACTS.map((f) => ({ value: f, label: bi(CONFIRMABLE_FACTS[f]) }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'confirmed']}
                  label={tr(`事实 ${i + 1} 确认`, `Fact ${i + 1} confirmed`)}
                  valuePropName="checked"
                >
                  <Switch />
                </Form.Item>
                <Form.Item noStyle dependencies={[[name, field.name, 'fact']]}>
                  {({ getFieldValue }) => (
                    <FactDetails
                      fieldName={field.name}
                      index={i}
                      fact={getFieldValue([name, field.name, 'fact']) as ConfirmableFact}
                    />
                  )}
                </Form.Item>
              </Space>
            </Card>
          ))}
          <Button onClick={() => add({ fact: 'IDENTITY', confirmed: true })}>
            {tr('添加事实', 'Add a fact')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

/** What only the document says, per fact (IDENTITY: nothing beyond that it holds). */
function FactDetails({
  fieldName,
  index,
  fact,
}: {
  fieldName: number;
  index: number;
  fact: ConfirmableFact;
}) {
  const { tr, bi } = useLang();
  const item: Item = (key, zh, en, input, checked) => (
    <Form.Item
      key={key}
      name={[fieldName, key]}
      label={tr(`事实 ${index + 1} ${zh}`, `Fact ${index + 1} ${en}`)}
      {...(checked ? { valuePropName: 'checked' } : {})}
    >
      {input}
    </Form.Item>
  );
  const date = <Input type="date" style={{ width: 160 }} />;
  const unit = <Input style={{ width: 140 }} placeholder="450103-C01" />;
  switch (fact) {
    case 'POLICY_CARE':
      return item(
        'category',
        '照顾类别',
        'category',
        <Select
          style={{ width: 200 }}
          options={DEFAULT_POLICY_CARE.map((c) => ({
            value: c.code,
            label: bi({ zh: c.nameZh, en: c.nameEn }),
          }))}
        />,
      );
    case 'HOUSEHOLD':
      return (
        <>
          {item('catchmentUnit', '学区单元', 'catchment unit', unit)}
          {item('moveInDate', '户籍迁入日期', 'hukou move-in date', date)}
        </>
      );
    case 'PROPERTY':
      return <PropertyDetails item={item} unit={unit} date={date} />;
    case 'RESIDENCE_PERMIT':
      return item('expiryDate', '居住证有效期至', 'permit valid until', date);
    case 'SOCIAL_INSURANCE':
      return item(
        'monthsPaidLast24',
        '近24个月缴费月数',
        'months paid of 24',
        <InputNumber min={0} max={24} />,
      );
    default:
      return null;
  }
}

type Item = (
  key: string,
  zh: string,
  en: string,
  input: React.ReactNode,
  checked?: boolean,
) => React.ReactNode;

/** A home: what kind, whose, sole or shared, where, registered when. */
function PropertyDetails({
  item,
  unit,
  date,
}: {
  item: Item;
  unit: React.ReactNode;
  date: React.ReactNode;
}) {
  const { tr } = useLang();
  return (
    <>
      {item(
        'kind',
        '住房类型',
        'kind',
        <Select
          style={{ width: 160 }}
          options={[
            { value: 'OWNED', label: tr('自有产权', 'Owned') },
            { value: 'PURCHASE_CONTRACT', label: tr('购房合同', 'Purchase contract') },
            { value: 'REGISTERED_RENTAL', label: tr('备案租房', 'Registered rental') },
          ]}
        />,
      )}
      {item(
        'holder',
        '权利人',
        'holder',
        <Select
          style={{ width: 140 }}
          options={[
            { value: 'GUARDIAN', label: tr('监护人', 'Guardian') },
            { value: 'GRANDPARENT', label: tr('祖辈', 'Grandparent') },
            { value: 'OTHER', label: tr('其他', 'Other') },
          ]}
        />,
      )}
      {item('soleOwnership', '独有产权', 'sole ownership', <Switch />, true)}
      {item('catchmentUnit', '学区单元', 'catchment unit', unit)}
      {item('registrationDate', '登记日期', 'registration date', date)}
    </>
  );
}
