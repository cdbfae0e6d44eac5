/** Pruning settings: which rules, thresholds, grace, automatic removal or review; a dry run before saving. */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Radio, Space, Switch, Tag, Typography } from 'antd';
import { ResponsiveTable } from '../../app/ResponsiveTable.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { ErrorState, Loading, useErrorText } from '../../app/states.js';
import { day, pruningPath, ruleName, say, type DryRunView, type PruningSettings, type SettingsView, type SweepView } from './api.js';
import { coverageText } from './coverage.js';

export function SettingsTab({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [form] = Form.useForm<PruningSettings>();
  const [dry, setDry] = useState<DryRunView | null>(null);
  const [busy, setBusy] = useState<'' | 'dry' | 'save' | 'sweep'>('');
  const q = useQuery({ queryKey: ['pruning', slug, 'settings'], queryFn: () => api<SettingsView>('GET', `${pruningPath(slug)}/pruning/settings`) });
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data.settings);
  }, [q.data, form]);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} retry={() => void q.refetch()} />;

  async function act(kind: 'dry' | 'save' | 'sweep') {
    setBusy(kind);
    try {
      const values = form.getFieldsValue(true) as PruningSettings;
      if (kind === 'dry') setDry(await api<DryRunView>('POST', `${pruningPath(slug)}/pruning/dry-run`, values));
      if (kind === 'save') {
        await api('PATCH', `${pruningPath(slug)}/pruning/settings`, values);
        void message.success(t('pruning-ui:settings.saved'));
        await qc.invalidateQueries({ queryKey: ['pruning', slug] });
      }
      if (kind === 'sweep') {
        const r = await api<SweepView>('POST', `${pruningPath(slug)}/pruning/sweep`);
        void message.success(t('pruning-ui:settings.swept', r.result));
        await qc.invalidateQueries({ queryKey: ['pruning', slug] });
      }
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy('');
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Form form={form} layout="vertical" aria-label={t('pruning-ui:tab.settings')}>
        <Card size="small" title={t('pruning-ui:settings.rules')}>
          {q.data.rules.map((r) => (
            <Space key={r.id} align="center" wrap style={{ display: 'flex', marginBottom: 8 }}>
              <Form.Item name={['rules', r.id, 'enabled']} valuePropName="checked" noStyle>
                <Switch disabled={!r.available} aria-label={ruleName(t, r.id)} />
              </Form.Item>
              <Typography.Text strong style={{ minWidth: 260, display: 'inline-block' }}>
                {ruleName(t, r.id)}
              </Typography.Text>
              <span>N =</span>
              <Form.Item name={['rules', r.id, 'threshold']} noStyle>
                <InputNumber min={r.min} max={r.max} disabled={!r.available} aria-label={`${ruleName(t, r.id)} N`} />
              </Form.Item>
              <Typography.Text type="secondary">{t(`pruning-ui:unit.${r.unit}`)}</Typography.Text>
              {!r.available && <Tag>{t('pruning-ui:settings.unavailable')}</Tag>}
            </Space>
          ))}
          <Alert type="info" showIcon data-testid="coverage" title={t('pruning-ui:coverage.title')} description={coverageText(t, i18n.language, q.data.coverage)} />
        </Card>
        <Card size="small" title={t('pruning-ui:settings.process')} style={{ marginTop: 16 }}>
          <Space wrap size="large">
            <Form.Item name="graceDays" label={t('pruning-ui:settings.graceDays')}>
              <InputNumber min={0} max={90} />
            </Form.Item>
            <Form.Item name="appealWindowDays" label={t('pruning-ui:settings.appealWindowDays')}>
              <InputNumber min={0} max={365} />
            </Form.Item>
            <Form.Item name="mode" label={t('pruning-ui:settings.mode')}>
              <Radio.Group options={[{ value: 'review', label: t('pruning-ui:mode.review') }, { value: 'auto', label: t('pruning-ui:mode.auto') }]} />
            </Form.Item>
            <Form.Item name="exemptCore" label={t('pruning-ui:settings.exemptCore')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
        </Card>
      </Form>
      <Space wrap>
        <Button onClick={() => void act('dry')} loading={busy === 'dry'}>
          {t('pruning-ui:settings.dryRun')}
        </Button>
        <Button type="primary" onClick={() => void act('save')} loading={busy === 'save'}>
          {t('pruning-ui:settings.save')}
        </Button>
        <Button danger onClick={() => void act('sweep')} loading={busy === 'sweep'}>
          {t('pruning-ui:settings.sweepNow')}
        </Button>
      </Space>
      {dry && <DryRunTable dry={dry} />}
    </Space>
  );
}

type MemberRow = DryRunView['members'][number];

/** One row per member: every rule they would meet, its outcome, their own figures and the deadline. */
function DryRunTable({ dry }: { dry: DryRunView }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" title={t('pruning-ui:dry.title', { at: new Date(dry.at).toLocaleString() })}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('pruning-ui:dry.explain')} />
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="dry-coverage" title={coverageText(t, i18n.language, dry.coverage)} />
      <Space wrap style={{ marginBottom: 12 }}>
        {Object.entries(dry.summary).map(([rule, s]) => (
          <Tag key={rule}>{t('pruning-ui:dry.summary', { rule: ruleName(t, rule), warn: s.warn, remove: s.remove + s.review, clear: s.clear })}</Tag>
        ))}
      </Space>
      <Typography.Paragraph type="secondary">{t('pruning-ui:dry.perMember')}</Typography.Paragraph>
      <ResponsiveTable<MemberRow>
        rowKey="userId"
        size="small"
        dataSource={dry.members}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('pruning-ui:dry.nobody') }}
        columns={[
          { title: t('pruning-ui:col.member'), dataIndex: 'displayName' },
          {
            title: t('pruning-ui:col.rules'),
            key: 'rules',
            render: (_, m) => (
              <Space orientation="vertical" size={4}>
                {m.decisions.map((d) => (
                  <div key={`${d.ruleId}-${d.kind}`}>
                    <Space wrap size={4}>
                      <Tag color={d.kind === 'warn' ? 'orange' : d.kind === 'clear' ? 'green' : 'red'}>{t(`pruning-ui:kind.${d.kind}`)}</Tag>
                      <Typography.Text strong>{ruleName(t, d.ruleId)}</Typography.Text>
                      {!d.enabled && <Tag>{t('pruning-ui:dry.off')}</Tag>}
                      {'deadline' in d && <Typography.Text type="secondary">{t('pruning-ui:col.deadline')} {day(d.deadline)}</Typography.Text>}
                    </Space>
                    {'reason' in d && <div>{say(t, d.reason)}</div>}
                  </div>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
