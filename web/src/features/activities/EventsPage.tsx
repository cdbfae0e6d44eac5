/** `/c/:slug/events`: upcoming and past events (mobile-first); hosts create one here. */
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../app/api.js';
import { ErrorState, Loading, Page, useErrorText } from '../../app/states.js';
import { activitiesPath, when, type EventList } from './api.js';

export function EventsPage() {
  const { t, i18n } = useTranslation();
  const { slug = '' } = useParams();
  const q = useQuery({ queryKey: ['activities', slug, 'events'], queryFn: () => api<EventList>('GET', `${activitiesPath(slug)}/events`) });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const hosts = q.data.permissions.canRun;
  return (
    <Page>
      <Typography.Title level={3}>{t('activities-ui:events.title')}</Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        <Link to={`/c/${slug}/home`}>{t('activities-ui:nav.home')}</Link>
        <Link to={`/c/${slug}/activities`}>{t('activities-ui:nav.activities')}</Link>
      </Space>
      <List
        locale={{ emptyText: t('activities-ui:events.empty') }}
        dataSource={q.data.events}
        renderItem={(e) => (
          <List.Item>
            <Link to={`/c/${slug}/events/${e.id}`} style={{ width: '100%' }}>
              <Card size="small" hoverable>
                <Typography.Text strong>{e.title}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">{when(e.startsAt, i18n.language)}</Typography.Text>{' '}
                  <Tag>{t('activities-ui:events.places', { going: e.going, capacity: e.capacity })}</Tag>
                  {e.myStatus && <Tag color={e.myStatus === 'going' ? 'green' : undefined}>{t(`activities-ui:rsvp.${e.myStatus}`)}</Tag>}
                </div>
              </Card>
            </Link>
          </List.Item>
        )}
      />
      {hosts && <NewEvent slug={slug} />}
    </Page>
  );
}

interface EventForm {
  title: string;
  startsAt: Dayjs;
  capacity: number;
  venue?: string;
  mapLink?: string;
  meetingLink?: string;
  description?: string;
}

function NewEvent({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  async function create(v: EventForm) {
    setBusy(true);
    try {
      const body = Object.fromEntries(Object.entries({ ...v, startsAt: v.startsAt.toISOString() }).filter(([, x]) => x !== undefined && x !== ''));
      const { id } = await api<{ id: string }>('POST', `${activitiesPath(slug)}/events`, body);
      await qc.invalidateQueries({ queryKey: ['activities', slug] });
      navigate(`/c/${slug}/events/${id}`);
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  const required = [{ required: true, message: t('activities-ui:events.required') }];
  return (
    <Card title={t('activities-ui:events.new')} style={{ marginTop: 16 }}>
      <Form<EventForm> layout="vertical" onFinish={create} initialValues={{ capacity: 30 }}>
        <Form.Item name="title" label={t('activities-ui:events.name')} rules={required}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="startsAt" label={t('activities-ui:events.startsAt')} rules={required}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="capacity" label={t('activities-ui:events.capacity')} rules={required}>
          <InputNumber min={1} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="venue" label={t('activities-ui:events.venue')} extra={t('activities-ui:events.hiddenHelp')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="mapLink" label={t('activities-ui:events.mapLink')}>
          <Input maxLength={500} inputMode="url" />
        </Form.Item>
        <Form.Item name="meetingLink" label={t('activities-ui:events.meetingLink')} extra={t('activities-ui:events.hiddenHelp')}>
          <Input maxLength={500} inputMode="url" />
        </Form.Item>
        <Form.Item name="description" label={t('activities-ui:events.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block size="large">
          {t('activities-ui:events.create')}
        </Button>
      </Form>
    </Card>
  );
}
