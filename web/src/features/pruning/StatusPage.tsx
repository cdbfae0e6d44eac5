/** `/c/:slug/standing`: a member's own standing (mobile-first): warned (why, deadline, what keeps them) or removed (appeal). */
import { useState } from 'react';
import { Alert, App, Button, Card, Input, Result, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api.js';
import { ErrorState, Loading, Page, useErrorText } from '../../app/states.js';
import { NoticesBell } from '../members/notices.js';
import { day, pruningPath, reasonText, ruleName, say, type MyStatus } from './api.js';

export function StatusPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const q = useQuery({ queryKey: ['pruning', slug, 'me'], queryFn: () => api<MyStatus>('GET', `${pruningPath(slug)}/pruning/me`) });
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const s = q.data;
  return (
    <Page>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
        <Typography.Title level={3}>{t('pruning-ui:status.title', { community: s.community.name })}</Typography.Title>
        <NoticesBell slug={slug} />
      </div>
      <Space style={{ marginBottom: 16 }}>
        <Tag color={s.state === 'member' ? 'green' : 'red'}>{t(`communities-ui:state.${s.state}`)}</Tag>
      </Space>
      {s.state === 'member' && !s.warnings.length && (
        <Result status="success" title={t('pruning-ui:status.good')} extra={<Link to={`/c/${slug}/home`}>{t('pruning-ui:status.home')}</Link>} />
      )}
      {s.warnings.map((w) => (
        <Card key={w.id} style={{ marginBottom: 12 }} title={t('pruning-ui:status.warned', { rule: ruleName(t, w.rule) })}>
          <Alert type="warning" showIcon title={say(t, w.reason)} style={{ marginBottom: 12 }} />
          <Typography.Paragraph>
            <Typography.Text strong>{t('pruning-ui:status.keep')}</Typography.Text> {say(t, w.keep)}
          </Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Text strong>{t('pruning-ui:status.deadline')}</Typography.Text> <time dateTime={w.deadline}>{day(w.deadline)}</time>
          </Typography.Paragraph>
          {w.state === 'review' && <Typography.Text type="secondary">{t('pruning-ui:status.inReview')}</Typography.Text>}
        </Card>
      ))}
      {s.removal && <Removal slug={slug} status={s} />}
    </Page>
  );
}

function Removal({ slug, status }: { slug: string; status: MyStatus }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const r = status.removal!;
  async function send() {
    setBusy(true);
    try {
      await api('POST', `${pruningPath(slug)}/appeals`, { text });
      void message.success(t('pruning-ui:status.appealSent'));
      await qc.invalidateQueries({ queryKey: ['pruning', slug, 'me'] });
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title={t('pruning-ui:status.removed', { date: day(r.at) })}>
      {r.reason && <Typography.Paragraph>{t('pruning-ui:status.reason', { reason: reasonText(t, r.reason) })}</Typography.Paragraph>}
      {r.appeal && (
        <Alert
          type={r.appeal.state === 'granted' ? 'success' : r.appeal.state === 'denied' ? 'error' : 'info'}
          showIcon
          title={t(`pruning-ui:status.appeal.${r.appeal.state}`)}
          description={r.appeal.note ?? undefined}
        />
      )}
      {r.canAppeal && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('pruning-ui:status.appealUntil', { date: day(r.appealUntil) })}</Typography.Text>
          <Input.TextArea rows={4} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} aria-label={t('pruning-ui:status.appealLabel')} placeholder={t('pruning-ui:status.appealLabel')} />
          <Button type="primary" block disabled={text.trim().length < 5} loading={busy} onClick={() => void send()}>
            {t('pruning-ui:status.appeal.send')}
          </Button>
        </Space>
      )}
      {!r.canAppeal && !r.appeal && <Typography.Text type="secondary">{t('pruning-ui:status.appealClosed')}</Typography.Text>}
    </Card>
  );
}
