/** `/c/:slug/activities`: the community's 打卡 challenges (mobile-first); core members and up create one here. */
import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../app/api.js';
import { ErrorState, Loading, Page, useErrorText } from '../../app/states.js';
import { activitiesPath, type ChallengeList } from './api.js';

export function ActivitiesPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const q = useQuery({ queryKey: ['activities', slug, 'challenges'], queryFn: () => api<ChallengeList>('GET', `${activitiesPath(slug)}/challenges`) });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const runs = q.data.permissions.canRun;
  return (
    <Page>
      <Typography.Title level={3}>{t('activities-ui:challenges.title')}</Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        <Link to={`/c/${slug}/home`}>{t('activities-ui:nav.home')}</Link>
        <Link to={`/c/${slug}/events`}>{t('activities-ui:nav.events')}</Link>
      </Space>
      <List
        locale={{ emptyText: t('activities-ui:challenges.empty') }}
        dataSource={q.data.challenges}
        renderItem={(c) => (
          <List.Item>
            <Link to={`/c/${slug}/challenges/${c.id}`} style={{ width: '100%' }}>
              <Card size="small" hoverable>
                <Typography.Text strong>{c.title}</Typography.Text>
                <div>
                  <Tag>{t(`activities-ui:period.${c.period}`)}</Tag>
                  <Tag color={c.state === 'open' ? 'green' : undefined}>{t(`activities-ui:state.${c.state}`)}</Tag>
                  {c.joined && <Tag color="blue">{t('activities-ui:challenges.joined')}</Tag>}
                  <Typography.Text type="secondary">{t('activities-ui:challenges.members', { count: c.members })}</Typography.Text>
                </div>
              </Card>
            </Link>
          </List.Item>
        )}
      />
      {runs && <NewChallenge slug={slug} />}
    </Page>
  );
}

function NewChallenge({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  async function create(v: { title: string; period: 'daily' | 'weekly'; length?: number; description?: string; valueLabel?: string }) {
    setBusy(true);
    try {
      const { id } = await api<{ id: string }>('POST', `${activitiesPath(slug)}/challenges`, Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')));
      await qc.invalidateQueries({ queryKey: ['activities', slug] });
      navigate(`/c/${slug}/challenges/${id}`);
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title={t('activities-ui:challenges.new')} style={{ marginTop: 16 }}>
      <Form layout="vertical" onFinish={create} initialValues={{ period: 'daily', length: 21 }}>
        <Form.Item name="title" label={t('activities-ui:challenges.name')} rules={[{ required: true, message: t('activities-ui:challenges.nameRequired') }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="period" label={t('activities-ui:challenges.period')}>
          <Select options={(['daily', 'weekly'] as const).map((p) => ({ value: p, label: t(`activities-ui:period.${p}`) }))} />
        </Form.Item>
        <Form.Item name="length" label={t('activities-ui:challenges.length')} extra={t('activities-ui:challenges.lengthHelp')}>
          <InputNumber min={1} max={366} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="valueLabel" label={t('activities-ui:challenges.valueLabel')} extra={t('activities-ui:challenges.valueLabelHelp')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="description" label={t('activities-ui:challenges.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block size="large">
          {t('activities-ui:challenges.create')}
        </Button>
      </Form>
    </Card>
  );
}
