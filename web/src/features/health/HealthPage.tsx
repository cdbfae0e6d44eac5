/**
 * Console → health (the console's first page): the diagnosis of the
 * community's activity log — verdict, score, the scorecard on the three
 * conditions, the weekly series, who talks to whom, core supply, retention —
 * and the chat-export import that brings the outside conversation in.
 */
import { useMemo } from 'react';
import { Alert, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../app/states.js';
import { isLang } from '../../app/i18n.js';
import { useConsole } from '../communities/console/ConsoleLayout.js';
import { useHealth, type HealthView } from './api.js';
import { coreOutputOption, networkOption, retentionOption, weeklyOption, type ChartLabels } from './charts.js';
import { Defined } from './Definition.js';
import { EChart } from './EChart.js';
import { ImportPanel } from './ImportPanel.js';

const KIND_COLOR: Record<string, string> = { community: 'green', broadcast: 'orange', chatter: 'blue', declining: 'volcano', silent: 'default', not_group: 'default' };
const STATUS_COLOR: Record<string, string> = { met: 'green', weak: 'gold', unmet: 'red', not_measurable: 'default' };

export function HealthPage() {
  const { t } = useTranslation();
  const { slug } = useConsole();
  const q = useHealth(slug);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('health-ui:title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('health-ui:intro')}</Typography.Paragraph>
      {q.isLoading ? <Loading /> : q.error || !q.data ? <ErrorState error={q.error} retry={() => void q.refetch()} /> : <Diagnosis r={q.data} />}
      <ImportPanel slug={slug} />
    </>
  );
}

function Diagnosis({ r }: { r: HealthView }) {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'en';
  const labels: ChartLabels = useMemo(
    () => ({
      original: t('report:charts.original'),
      forwarded: t('report:charts.forwarded'),
      link: t('report:charts.link'),
      speakers: t('report:charts.speakers'),
      messages: t('report:charts.messages'),
      core: t('report:charts.core'),
      member: t('report:charts.member'),
      degree: t('report:charts.degree'),
      weekAfter: (k: number) => t('report:charts.weekAfter', { k }),
    }),
    [t],
  );
  const options = useMemo(() => ({ weekly: weeklyOption(r, labels), network: networkOption(r, labels), core: coreOutputOption(r), retention: retentionOption(r, labels) }), [r, labels]);
  if (r.source.messages === 0) {
    return <Empty style={{ margin: '32px 0' }} description={t('health-ui:empty')} />;
  }
  const text = r.verdict.diagnosis[lang];
  const core = r.core.members;
  // Most of the messages from one or two people: the group depends on them.
  const dependent = r.verdict.kind !== 'not_group' && r.core.busFactor > 0 && r.core.busFactor <= 2 && r.source.members > 5;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card data-testid="health-verdict">
        <Row gutter={[24, 16]} align="middle">
          <Col xs={24} sm={8}>
            <Tag color={KIND_COLOR[r.verdict.kind]} style={{ fontSize: 16, padding: '4px 10px' }}>
              {t(`report:kind.${r.verdict.kind}`)}
            </Tag>
            <Statistic
              title={<Defined metric="verdict">{t('health-ui:score')}</Defined>}
              value={r.verdict.score === null ? '—' : Math.round(r.verdict.score)}
              suffix={r.verdict.score === null ? undefined : '/ 100'}
            />
            <Typography.Text type="secondary">{t('report:confidence.line', { value: t(`report:confidence.${r.verdict.confidence}`) })}</Typography.Text>
          </Col>
          <Col xs={24} sm={16}>
            <Typography.Paragraph style={{ fontSize: 15 }}>{text?.summary}</Typography.Paragraph>
            {text && text.actions.length > 0 && (
              <>
                <Typography.Text strong>{t('report:actionsTitle')}</Typography.Text>
                <ol style={{ paddingInlineStart: 20, marginTop: 4 }}>
                  {text.actions.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ol>
              </>
            )}
            <Typography.Text type="secondary">
              {t('health-ui:basis', { messages: r.source.messages, members: r.source.members, weeks: r.source.weeks })}
            </Typography.Text>
          </Col>
        </Row>
      </Card>

      {dependent && (
        <Alert
          type="warning"
          showIcon
          data-testid="dependency-alert"
          message={t('health-ui:dependency.title')}
          description={
            <>
              {t('health-ui:dependency.text', { names: core.slice(0, 2).map((m) => m.name).join('、') || '—' })}{' '}
              <Defined metric="core.busFactor">{t('health-ui:dependency.busFactor', { n: r.core.busFactor })}</Defined>
            </>
          }
        />
      )}

      <Card title={t('report:conditionsTitle')}>
        <List
          dataSource={r.conditions}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{t(`report:condition.${c.id}`)}</span>
                    <Tag color={STATUS_COLOR[c.status]}>{t(`report:status.${c.status}`)}</Tag>
                    {c.score !== null && <Defined metric="verdict">{Math.round(c.score)}</Defined>}
                  </Space>
                }
                description={
                  <>
                    <div>{c.text[lang]}</div>
                    <Space wrap size={[16, 4]} style={{ marginTop: 4 }}>
                      {c.measured.map((m) => (
                        <span key={m.metric}>
                          {t(`report:metric.${m.metric}`, { defaultValue: m.metric })}:{' '}
                          <Defined metric={m.metric}>{formatValue(m.metric, m.value)}</Defined>
                        </span>
                      ))}
                    </Space>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>

      <ChartCard title={t('report:charts.weekly')} note={t('report:charts.weeklyNote')} metric="weekly" option={options.weekly} />
      <ChartCard title={t('report:charts.network')} note={t('report:charts.networkNote')} metric="graph" option={options.network} height={420} testId="network-chart" />
      <ChartCard title={t('report:charts.coreOutput')} note={t('report:charts.coreOutputNote')} metric="coreOutput" option={options.core} height={Math.max(200, 96 + 30 * r.coreOutput.members.length)} />
      <ChartCard title={t('report:charts.retention')} note={t('report:charts.retentionNote')} metric="retention" option={options.retention} />
    </Space>
  );
}

function ChartCard({ title, note, metric, option, height, testId }: { title: string; note: string; metric: string; option: object | null; height?: number; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Card title={title} extra={<Defined metric={metric}>{t('health-ui:howMeasured')}</Defined>}>
      <Typography.Paragraph type="secondary">{note}</Typography.Paragraph>
      <EChart option={option} height={height} empty={t('health-ui:chartEmpty')} testId={testId} />
    </Card>
  );
}

/** Shares as percentages, durations as hours, counts as they are. */
function formatValue(metric: string, value: number | null): string {
  if (value === null) return '—';
  if (/Seconds$/.test(metric)) return `${(value / 3600).toFixed(1)} h`;
  if (/(Share|share|Rate|continuity|reciprocity|clustering|density|meshIndex|centralization|retention4w|change)$/.test(metric) && value <= 1.5) return `${Math.round(value * 100)}%`;
  return String(Math.round(value * 100) / 100);
}
