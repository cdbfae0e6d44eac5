/**
 * `/c/:slug/events/:id/checkin` (hosts, phone-sized): type the code a member
 * shows (or read it off their QR image), see who came, export the list as CSV.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api.js';
import { ErrorState, Loading, Page, useErrorText } from '../../app/states.js';
import { eventPath, type AttendeeList, type CheckedIn, type EventView } from './api.js';

export function HostCheckinPage() {
  const { t } = useTranslation();
  const { slug = '', id = '' } = useParams();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [code, setCode] = useState('');
  const [last, setLast] = useState<CheckedIn | null>(null);
  const [busy, setBusy] = useState(false);
  const event = useQuery({ queryKey: ['activities', slug, 'event', id], queryFn: () => api<EventView>('GET', eventPath(slug, id)) });
  const list = useQuery({ queryKey: ['activities', slug, 'event', id, 'attendees'], queryFn: () => api<AttendeeList>('GET', `${eventPath(slug, id)}/attendees`) });
  if (list.isLoading || event.isLoading) return <Loading />;
  if (list.error || !list.data) return <ErrorState error={list.error} retry={() => void list.refetch()} />;
  async function checkIn() {
    setBusy(true);
    try {
      const r = await api<CheckedIn>('POST', `${eventPath(slug, id)}/checkin`, { code });
      setLast(r);
      setCode('');
      await qc.invalidateQueries({ queryKey: ['activities', slug, 'event', id] });
    } catch (err) {
      setLast(null);
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  const rows = list.data.attendees.filter((a) => a.status === 'going' || a.status === 'waitlisted');
  return (
    <Page>
      <Link to={`/c/${slug}/events/${id}`}>{t('activities-ui:host.back')}</Link>
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {t('activities-ui:host.title', { event: event.data?.title ?? '' })}
      </Typography.Title>
      <Card size="small">
        <Space.Compact style={{ width: '100%' }}>
          <Input
            size="large"
            aria-label={t('activities-ui:host.code')}
            placeholder={t('activities-ui:host.code')}
            value={code}
            autoCapitalize="characters"
            autoComplete="off"
            onChange={(e) => setCode(e.target.value)}
            onPressEnter={() => void checkIn()}
          />
          <Button size="large" type="primary" loading={busy} disabled={code.trim().length < 4} onClick={() => void checkIn()}>
            {t('activities-ui:host.checkIn')}
          </Button>
        </Space.Compact>
        {last && <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('activities-ui:host.done', { name: last.member.displayName })} />}
      </Card>
      <Space style={{ margin: '12px 0' }} wrap>
        <Tag color="green">{t('activities-ui:host.came', { count: list.data.attendees.filter((a) => a.attendedAt).length })}</Tag>
        <a href={`${eventPath(slug, id)}/attendees?format=csv`} download>
          {t('activities-ui:host.csv')}
        </a>
      </Space>
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => r.member.id}
        dataSource={rows}
        columns={[
          { title: t('activities-ui:challenge.member'), render: (_, r) => r.member.displayName },
          { title: t('activities-ui:host.status'), render: (_, r) => (r.status === 'waitlisted' ? `${t('activities-ui:rsvp.waitlisted')} #${r.position}` : t(`activities-ui:rsvp.${r.status}`)) },
          { title: t('activities-ui:host.attended'), render: (_, r) => (r.attendedAt ? <Tag color="green">✓</Tag> : null) },
        ]}
      />
    </Page>
  );
}
