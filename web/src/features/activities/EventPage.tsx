/**
 * `/c/:slug/events/:id` (mobile-first): RSVP going / maybe / not going (at
 * capacity: the waitlist and one's place in it), the venue or link once going,
 * one's check-in code (QR and text) for the host, the .ics file.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api.js';
import { ErrorState, Loading, Page, useErrorText } from '../../app/states.js';
import { eventPath, when, type EventView, type MyCode, type RsvpSaved } from './api.js';

const ASKS = ['going', 'maybe', 'not_going'] as const;

export function EventPage() {
  const { t, i18n } = useTranslation();
  const { slug = '', id = '' } = useParams();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const q = useQuery({ queryKey: ['activities', slug, 'event', id], queryFn: () => api<EventView>('GET', eventPath(slug, id)) });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const e = q.data;
  const upcoming = new Date(e.startsAt).getTime() > Date.now();
  async function answer(status: (typeof ASKS)[number]) {
    setBusy(true);
    try {
      const r = await api<RsvpSaved>('POST', `${eventPath(slug, id)}/rsvp`, { status });
      void message.success(r.status === 'waitlisted' ? t('activities-ui:rsvp.waitlistedToast', { position: r.position }) : t(`activities-ui:rsvp.${r.status}`));
      await qc.invalidateQueries({ queryKey: ['activities', slug] });
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Page>
      <Link to={`/c/${slug}/events`}>{t('activities-ui:events.back')}</Link>
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {e.title}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('activities-ui:events.startsAt')}>{when(e.startsAt, i18n.language)}</Descriptions.Item>
        <Descriptions.Item label={t('activities-ui:events.capacity')}>
          {t('activities-ui:events.places', { going: e.going, capacity: e.capacity })}
          {e.waitlisted > 0 && ` · ${t('activities-ui:events.waiting', { count: e.waitlisted })}`}
        </Descriptions.Item>
        {(e.hasVenue || e.hasMeetingLink) && (
          <Descriptions.Item label={e.hasVenue ? t('activities-ui:events.venue') : t('activities-ui:events.meetingLink')}>
            {e.venue || e.meetingLink ? (
              <Space direction="vertical" size={0}>
                {e.venue && <span>{e.venue}</span>}
                {e.mapLink && <a href={e.mapLink} target="_blank" rel="noreferrer">{t('activities-ui:events.map')}</a>}
                {e.meetingLink && <a href={e.meetingLink} target="_blank" rel="noreferrer">{e.meetingLink}</a>}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('activities-ui:events.revealed')}</Typography.Text>
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
      {e.description && <Typography.Paragraph style={{ marginTop: 12 }}>{e.description}</Typography.Paragraph>}
      <Card size="small" style={{ marginTop: 12 }} title={t('activities-ui:rsvp.title')}>
        {e.me.status && (
          <Alert
            style={{ marginBottom: 12 }}
            type={e.me.status === 'going' ? 'success' : e.me.status === 'waitlisted' ? 'warning' : 'info'}
            showIcon
            title={e.me.status === 'waitlisted' ? t('activities-ui:rsvp.waitlistedAt', { position: e.me.position }) : t(`activities-ui:rsvp.mine.${e.me.status}`)}
          />
        )}
        {upcoming && (
          <Space wrap>
            {ASKS.map((a) => (
              <Button key={a} size="large" type={a === 'going' ? 'primary' : 'default'} loading={busy} onClick={() => void answer(a)}>
                {t(`activities-ui:rsvp.ask.${a}`)}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      {e.me.status === 'going' && <MyCodeCard slug={slug} id={id} attended={e.me.attended} />}
      <Space wrap style={{ marginTop: 12 }}>
        <a href={`${eventPath(slug, id)}/ics`} download>
          {t('activities-ui:events.ics')}
        </a>
        {e.host && <Link to={`/c/${slug}/events/${id}/checkin`}>{t('activities-ui:host.open')}</Link>}
      </Space>
    </Page>
  );
}

function MyCodeCard({ slug, id, attended }: { slug: string; id: string; attended: boolean }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['activities', slug, 'event', id, 'code'], queryFn: () => api<MyCode>('GET', `${eventPath(slug, id)}/my-code`) });
  if (!q.data) return null;
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(q.data.qrSvg)}`;
  return (
    <Card size="small" style={{ marginTop: 12, textAlign: 'center' }} title={t('activities-ui:code.title')}>
      {attended ? (
        <Tag color="green">{t('activities-ui:code.used')}</Tag>
      ) : (
        <>
          <img src={src} alt={t('activities-ui:code.qr')} style={{ width: 200, height: 200 }} />
          <Typography.Title level={4} copyable data-testid="my-code" style={{ letterSpacing: 4, margin: 0 }}>
            {q.data.code}
          </Typography.Title>
          <Typography.Text type="secondary">{t('activities-ui:code.help')}</Typography.Text>
        </>
      )}
    </Card>
  );
}
