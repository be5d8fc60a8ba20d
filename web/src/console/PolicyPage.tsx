import { Card, Space, Tag, Typography } from 'antd';
import type { PriorityPolicy } from '../../../src/domain/eligibility/policy';
import { api } from '../shared/api';
import { useSeasonScope } from '../shared/choices';
import { useLang } from '../shared/i18n';
import { ProblemAlert, useLoad } from '../shared/ui';
import { PolicyForm } from './PolicyForm';

/** As GET /admin/policies/:county/:stage/:season answers (CountyPolicyDto). */
interface CountyPolicy {
  countyOwn: boolean;
  document: PriorityPolicy;
  updatedAt: string | null;
}

/**
 * A county's admission policy (招生政策) for a stage and season: the tier order, thresholds,
 * tie-breaks and mechanism a round applies. Saved, the county's warnings are recomputed and the
 * public policy page reads the new text; a drawn round keeps the policy it froze.
 */
export function PolicyPage() {
  const { tr } = useLang();
  const { county, stage, seasonYear, pickers } = useSeasonScope();
  const path = `/admin/policies/${county}/${stage}/${seasonYear}`;
  const policy = useLoad(
    () => (/^\d{6}$/.test(county) ? api<CountyPolicy>('GET', path) : Promise.resolve(undefined)),
    [path],
  );
  const current = policy.value;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {tr('招生政策', 'Admission policy')}
      </Typography.Title>
      <Card>
        <Space wrap>
          {pickers}
          {current && (
            <Tag color={current.countyOwn ? 'blue' : 'default'} data-county-own={current.countyOwn}>
              {current.countyOwn
                ? tr('本县区政策', "The county's own policy")
                : tr('尚未制定,现为全区默认政策', "None yet: the region's default applies")}
            </Tag>
          )}
        </Space>
      </Card>
      <ProblemAlert error={policy.error} />
      {current && (
        <Card>
          <PolicyForm
            key={`${path}-${current.updatedAt ?? 'default'}`}
            path={path}
            policy={current.document}
            onSaved={policy.reload}
          />
        </Card>
      )}
    </Space>
  );
}
