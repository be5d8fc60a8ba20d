import { Card, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, query } from '../shared/api';
import { useLang } from '../shared/i18n';
import type { FormType } from '../../../src/domain/enrolment';
import { StageSelect } from '../shared/choices';
import { FORMS, HOUSING_NAMES, housingFor } from '../shared/names';
import { EmptyText, ProblemAlert, useLoad } from '../shared/ui';
import { CountyInformation } from './CountyInformation';

interface County {
  code: string;
  nameZh: string;
  nameEn: string | null;
  cityNameZh: string;
}

interface Materials {
  items: Array<{
    code: string;
    nameZh: string;
    nameEn: string;
    verifiedOnline: boolean;
    onlyIfZh?: string;
    onlyIfEn?: string;
  }>;
}

/**
 * The public guide (一次告知), read before signing in: what to prepare for the family's own case,
 * when to apply, the schools and the bureau's guide and FAQ, all from GET /public/….
 */
export function PublicGuide() {
  const { tr, bi } = useLang();
  const counties = useLoad(() => api<County[]>('GET', '/public/counties'), []);
  const [county, setCounty] = useState<string>();
  const [stage, setStage] = useState('PRIMARY_1');
  const [formType, setFormType] = useState<FormType>('A');
  const [housing, setHousing] = useState<string>('OWNED_SOLE');
  const countyCode = county ?? counties.value?.[0]?.code;
  const housingChoices = housingFor(formType);
  // Form B takes fewer kinds of housing: a choice it does not take falls back to its first.
  const housingType = housingChoices.find((h) => h === housing) ?? housingChoices[0]!;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {tr('办事指南', 'Enrolment guide')}
      </Typography.Title>
      <ProblemAlert error={counties.error} />
      <Space wrap>
        <Select
          aria-label={tr('县(市、区)', 'County')}
          style={{ width: 200 }}
          loading={counties.loading}
          value={countyCode}
          onChange={setCounty}
          options={(counties.value ?? []).map((c) => ({
            value: c.code,
            label: `${c.cityNameZh}${c.nameZh}`,
          }))}
        />
        <StageSelect value={stage} onChange={setStage} />
        <Select
          aria-label={tr('报名表', 'Form')}
          style={{ width: 200 }}
          value={formType}
          onChange={setFormType}
          options={FORMS.map((f) => ({ value: f.value, label: bi(f) }))}
        />
        <Select
          aria-label={tr('住房类型', 'Housing')}
          style={{ width: 200 }}
          value={housingType}
          onChange={setHousing}
          options={housingChoices.map((h) => ({ value: h, label: bi(HOUSING_NAMES[h]) }))}
        />
      </Space>
      <MaterialsCard stage={stage} formType={formType} housingType={housingType} />
      {countyCode && <CountyInformation countyCode={countyCode} stage={stage} />}
    </Space>
  );
}

/** The materials to prepare; those the departments confirm online need no copy unless asked. */
function MaterialsCard(props: { stage: string; formType: string; housingType: string }) {
  const { tr, lang } = useLang();
  const materials = useLoad(
    () => api<Materials>('GET', `/public/materials${query(props)}`),
    [props.stage, props.formType, props.housingType],
  );
  return (
    <Card title={<h3 style={{ margin: 0 }}>{tr('需准备的材料', 'What to prepare')}</h3>}>
      <ProblemAlert error={materials.error} />
      <List
        data-testid="materials"
        loading={materials.loading}
        dataSource={materials.value?.items ?? []}
        locale={{ emptyText: <EmptyText>{tr('暂无', 'None')}</EmptyText> }}
        renderItem={(item) => (
          <List.Item data-code={item.code}>
            <Space direction="vertical" size={0}>
              <span>
                {lang === 'zh' ? item.nameZh : item.nameEn}{' '}
                {item.verifiedOnline && (
                  <Tag color="green">{tr('部门在线核验', 'Checked online')}</Tag>
                )}
              </span>
              {(item.onlyIfZh || item.onlyIfEn) && (
                <Typography.Text type="secondary">
                  {lang === 'zh' ? item.onlyIfZh : item.onlyIfEn}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
