import { Card, Collapse, List, Typography } from 'antd';
import { api, query } from '../shared/api';
import { useLang } from '../shared/i18n';
import { EmptyText, ProblemAlert, useLoad } from '../shared/ui';

interface Window {
  stage: string;
  seasonYear: number;
  opensAt: string;
  closesAt: string;
}
interface Content {
  slug: string;
  titleZh: string;
  titleEn: string | null;
  bodyZh: string;
  bodyEn: string | null;
}
interface School {
  id: string;
  nameZh: string;
  type: 'PUBLIC' | 'PRIVATE';
  places: number;
  address: string | null;
  catchmentDescription: string;
}

/** What a county publishes for a stage: its windows, the bureau's guide, its schools and FAQ. */
export function CountyInformation({ countyCode, stage }: { countyCode: string; stage: string }) {
  const { tr } = useLang();
  const windows = useLoad(
    () => api<Window[]>('GET', `/public/counties/${countyCode}/registration-windows`),
    [countyCode],
  );
  const ofStage = (windows.value ?? []).filter((w) => w.stage === stage);
  return (
    <>
      <Card title={<h3 style={{ margin: 0 }}>{tr('报名时间', 'When to apply')}</h3>}>
        <ProblemAlert error={windows.error} />
        <List
          data-testid="windows"
          loading={windows.loading}
          dataSource={ofStage}
          locale={{
            emptyText: (
              <EmptyText>
                {tr('本学段报名时间尚未公布', 'Not yet announced for this stage')}
              </EmptyText>
            ),
          }}
          renderItem={(w) => (
            <List.Item>
              {w.seasonYear}:{' '}
              <time dateTime={w.opensAt}>{new Date(w.opensAt).toLocaleString()}</time>
              {' — '}
              <time dateTime={w.closesAt}>{new Date(w.closesAt).toLocaleString()}</time>
            </List.Item>
          )}
        />
      </Card>
      <ContentCard countyCode={countyCode} kind="guide" title={tr('办事指南', 'Guide')} />
      <SchoolsCard countyCode={countyCode} stage={stage} />
      <ContentCard countyCode={countyCode} kind="faq" title={tr('常见问题', 'FAQ')} />
    </>
  );
}

/** The bureau's published guide or FAQ, one section per entry, in the reader's language. */
function ContentCard(props: { countyCode: string; kind: 'guide' | 'faq'; title: string }) {
  const { tr, lang } = useLang();
  const content = useLoad(
    () => api<Content[]>('GET', `/public/counties/${props.countyCode}/${props.kind}`),
    [props.countyCode, props.kind],
  );
  const entries = content.value ?? [];
  return (
    <Card title={<h3 style={{ margin: 0 }}>{props.title}</h3>} data-testid={props.kind}>
      <ProblemAlert error={content.error} />
      {entries.length ? (
        <Collapse
          items={entries.map((c) => ({
            key: c.slug,
            label: (lang === 'en' && c.titleEn) || c.titleZh,
            children: (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {(lang === 'en' && c.bodyEn) || c.bodyZh}
              </Typography.Paragraph>
            ),
          }))}
        />
      ) : (
        !content.loading && <EmptyText>{tr('教育局尚未发布', 'Not yet published')}</EmptyText>
      )}
    </Card>
  );
}

/** The county's schools of the stage: places (招生计划), address and catchment in words. */
function SchoolsCard({ countyCode, stage }: { countyCode: string; stage: string }) {
  const { tr } = useLang();
  const schools = useLoad(
    () => api<School[]>('GET', `/public/counties/${countyCode}/schools${query({ stage })}`),
    [countyCode, stage],
  );
  return (
    <Card title={<h3 style={{ margin: 0 }}>{tr('学校与学区', 'Schools and catchments')}</h3>}>
      <ProblemAlert error={schools.error} />
      <List
        data-testid="schools"
        loading={schools.loading}
        dataSource={schools.value ?? []}
        locale={{ emptyText: <EmptyText>{tr('暂无', 'None')}</EmptyText> }}
        renderItem={(s) => (
          <List.Item data-school={s.id}>
            <List.Item.Meta
              title={`${s.nameZh} · ${tr('招生计划', 'Places')} ${s.places}`}
              description={[s.address, s.catchmentDescription].filter(Boolean).join(' · ')}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
