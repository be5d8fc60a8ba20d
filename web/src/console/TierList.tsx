import { Button, Card, Form, Input, Select, Space } from 'antd';
import { useLang } from '../shared/i18n';

/**
 * The tiers (录取顺位) of a policy in rank order: each a name in both languages and the predicates
 * any of which places a family in it. Moved up or down here, a tier's rank is its place on the
 * page; the API refuses a policy without the catch-all tier, and says so under the list.
 */
export function TierList({ predicates }: { predicates: { value: string; label: string }[] }) {
  const { tr } = useLang();
  return (
    <Form.List name="tiers">
      {(fields, { add, remove, move }, { errors }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              data-tier={i + 1}
              title={tr(`第 ${i + 1} 顺位`, `Tier ${i + 1}`)}
              extra={
                <Space>
                  <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>
                    {tr(`第 ${i + 1} 顺位上移`, `Move tier ${i + 1} up`)}
                  </Button>
                  <Button
                    size="small"
                    disabled={i === fields.length - 1}
                    onClick={() => move(i, i + 1)}
                  >
                    {tr(`第 ${i + 1} 顺位下移`, `Move tier ${i + 1} down`)}
                  </Button>
                  <Button size="small" danger onClick={() => remove(i)}>
                    {tr(`删除第 ${i + 1} 顺位`, `Remove tier ${i + 1}`)}
                  </Button>
                </Space>
              }
            >
              <Space wrap align="start">
                <Form.Item
                  name={[field.name, 'nameZh']}
                  label={tr(`第 ${i + 1} 顺位名称`, `Tier ${i + 1} name (Chinese)`)}
                >
                  <Input style={{ width: 260 }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'nameEn']}
                  label={tr(`第 ${i + 1} 顺位英文名称`, `Tier ${i + 1} name (English)`)}
                >
                  <Input style={{ width: 260 }} />
                </Form.Item>
              </Space>
              <Form.Item
                name={[field.name, 'predicates']}
                label={tr(`第 ${i + 1} 顺位条件(满足其一)`, `Tier ${i + 1} conditions (any)`)}
              >
                <Select mode="multiple" options={predicates} />
              </Form.Item>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button onClick={() => add({ nameZh: '', nameEn: '', predicates: [] })}>
            {tr('添加顺位', 'Add a tier')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
