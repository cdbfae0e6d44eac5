/**
 * Console → core (骨干): who of the core supplies what, week by week, against
 * the duties the owner set; who is behind; members whose value would qualify
 * them as core. Suggestions only — promoting stays a decision in Members.
 */
import { useState } from 'react';
import { App, Button, Card, Empty, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.js';
import { ErrorState, Loading, useErrorText } from '../../app/states.js';
import { path } from '../communities/api.js';
import { useConsole } from '../communities/console/ConsoleLayout.js';
import type { ContentApi } from '../../../../src/features/content/schemas.js';

type Dashboard = ContentApi['Dashboard'];
type DutyInput = ContentApi['DutyInput'];

export function CoreConsole() {
  const { t } = useTranslation();
  const { slug } = useConsole();
  const q = useQuery({ queryKey: ['content', slug, 'core'], queryFn: () => api<Dashboard>('GET', `${path(slug)}/core/dashboard`) });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const d = q.data;
  const name = (id: string | null) => (id ? (d.core.find((r) => r.user.id === id)?.user.displayName ?? id) : t('content-ui:core.allCore'));
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('content-ui:core.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('content-ui:core.intro', { weeks: d.thresholds.weeks })}</Typography.Paragraph>
      {d.core.length === 0 && <Empty description={t('content-ui:core.noCore')} />}
      {d.core.map((row) => (
        <Card key={row.user.id} size="small" style={{ marginBottom: 12 }} data-testid="core-row"
          title={
            <Space wrap>
              {row.user.displayName}
              {row.behind ? <Tag color="red">{t('content-ui:core.behind')}</Tag> : <Tag color="green">{t('content-ui:core.onTrack')}</Tag>}
              {row.belowDuties && <Tag color="orange">{t('content-ui:core.belowDuties')}</Tag>}
            </Space>
          }
        >
          <Table
            size="small"
            pagination={false}
            rowKey="week"
            scroll={{ x: true }}
            dataSource={row.weeks.map((w, i) => ({ ...w, week: d.weeks[i]! }))}
            columns={[
              { title: t('content-ui:core.week'), dataIndex: 'week', render: (v: string) => new Date(v).toLocaleDateString(t('common:dateLocale')) },
              ...(['originalPosts', 'shared', 'replies', 'answers', 'accepted', 'essence'] as const).map((k) => ({ title: t(`content-ui:core.stat.${k}`), dataIndex: k })),
            ]}
          />
          {row.duties.map((x) => (
            <Typography.Paragraph key={x.id} style={{ margin: '8px 0 0' }}>
              <Tag color={x.met ? 'green' : 'red'}>{x.met ? t('content-ui:core.met') : t('content-ui:core.notMet')}</Tag>
              {t(`content-ui:core.duty.${x.kind}`, { target: x.target, period: t(`content-ui:core.period.${x.period}`) })} — {t('content-ui:core.doneOf', { done: x.done, required: x.required })}
            </Typography.Paragraph>
          ))}
        </Card>
      ))}
      <Card size="small" title={t('content-ui:core.suggestions')} style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary">
          {t('content-ui:core.suggestionsWhy', { posts: d.thresholds.promoteOriginalPosts, marks: d.thresholds.promoteValueMarks, replies: d.thresholds.promoteRepliesReceived, weeks: d.thresholds.weeks })}
        </Typography.Paragraph>
        {d.suggestions.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('content-ui:core.noSuggestions')} />
        ) : (
          d.suggestions.map((s) => (
            <Typography.Paragraph key={s.user.id} data-testid="suggestion">
              <strong>{s.user.displayName}</strong> — {t('content-ui:core.totals', { posts: s.totals.originalPosts, accepted: s.totals.accepted, essence: s.totals.essence, replies: s.totals.repliesReceived })}
            </Typography.Paragraph>
          ))
        )}
      </Card>
      <Duties slug={slug} data={d} name={name} />
    </>
  );
}

function Duties({ slug, data, name }: { slug: string; data: Dashboard; name: (id: string | null) => string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<DutyInput>();
  const [kind, setKind] = useState<DutyInput['kind']>('original_posts');
  const done = { onSuccess: () => qc.invalidateQueries({ queryKey: ['content', slug, 'core'] }), onError: (e: unknown) => void message.error(errorText(e)) };
  const add = useMutation({ mutationFn: (v: DutyInput) => api('POST', `${path(slug)}/core/duties`, { ...v, userId: v.userId || null }), ...done });
  const remove = useMutation({ mutationFn: (id: string) => api('DELETE', `${path(slug)}/core/duties/${id}`), ...done });
  return (
    <Card size="small" title={t('content-ui:core.duties')}>
      {data.duties.map((x) => (
        <div key={x.id} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginBottom: 6 }}>
          <span>
            {name(x.userId)}: {t(`content-ui:core.duty.${x.kind}`, { target: x.target, period: t(`content-ui:core.period.${x.period}`) })}
          </span>
          {data.canEdit && (
            <Button size="small" danger onClick={() => remove.mutate(x.id)}>
              {t('content-ui:core.remove')}
            </Button>
          )}
        </div>
      ))}
      {data.canEdit && (
        <Form form={form} layout="inline" initialValues={{ kind: 'original_posts', target: 2, period: 'week', userId: '' }} onFinish={(v) => add.mutate(v)} style={{ marginTop: 8, rowGap: 8 }}>
          <Form.Item name="userId">
            <Select style={{ minWidth: 140 }} options={[{ value: '', label: t('content-ui:core.allCore') }, ...data.core.map((r) => ({ value: r.user.id, label: r.user.displayName }))]} />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              style={{ minWidth: 160 }}
              onChange={(v: DutyInput['kind']) => setKind(v)}
              options={(['original_posts', 'answer_within'] as const).map((k) => ({ value: k, label: t(`content-ui:core.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="target">
            <InputNumber min={1} max={500} addonAfter={kind === 'answer_within' ? t('content-ui:core.hours') : t('content-ui:core.posts')} />
          </Form.Item>
          {kind === 'original_posts' && (
            <Form.Item name="period">
              <Select options={(['week', 'month'] as const).map((p) => ({ value: p, label: t(`content-ui:core.period.${p}`) }))} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('content-ui:core.add')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
