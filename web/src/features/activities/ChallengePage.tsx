/**
 * `/c/:slug/challenges/:id` (mobile-first, 375 px): join, check in today (a
 * second check-in edits), the streak, the calendar with make-up (补卡) for
 * missed days, the leaderboard and the check-ins of others to cheer on.
 */
import { useState } from 'react';
import { App, Button, Card, Input, InputNumber, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../app/api.js';
import { ErrorState, Loading, Page, useErrorText } from '../../app/states.js';
import { challengePath, shortDay, type ChallengeView, type CheckinView } from './api.js';

type Me = NonNullable<ChallengeView['me']>;

export function ChallengePage() {
  const { t } = useTranslation();
  const { slug = '', id = '' } = useParams();
  const q = useQuery({ queryKey: ['activities', slug, 'challenge', id], queryFn: () => api<ChallengeView>('GET', challengePath(slug, id)) });
  const act = useAct(slug, id);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const c = q.data;
  return (
    <Page>
      <Link to={`/c/${slug}/activities`}>{t('activities-ui:nav.back')}</Link>
      <Typography.Title level={3} style={{ marginTop: 8 }}>
        {c.title}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag>{t(`activities-ui:period.${c.period}`)}</Tag>
        <Tag color={c.state === 'open' ? 'green' : undefined}>{t(`activities-ui:state.${c.state}`)}</Tag>
        <Typography.Text type="secondary">
          {c.endDate ? t('activities-ui:challenge.dates', { start: c.startDate, end: c.endDate }) : t('activities-ui:challenge.ongoing', { start: c.startDate })}
        </Typography.Text>
      </Space>
      {c.description && <Typography.Paragraph>{c.description}</Typography.Paragraph>}
      {c.me ? (
        <CheckinCard c={c} me={c.me} act={act} />
      ) : (
        c.state !== 'ended' && (
          <Button type="primary" size="large" block loading={act.busy} onClick={() => void act.run(`${challengePath(slug, id)}/join`, undefined, 'activities-ui:challenge.joinedToast')}>
            {t('activities-ui:challenge.join')}
          </Button>
        )
      )}
      {c.me && <Calendar c={c} me={c.me} act={act} />}
      <Leaderboard c={c} />
      <Card size="small" title={t('activities-ui:challenge.recent')} style={{ marginTop: 12 }}>
        {c.recent.length === 0 && <Typography.Text type="secondary">{t('activities-ui:challenge.noCheckins')}</Typography.Text>}
        {c.recent.map((x) => (
          <CheckinItem key={x.id} x={x} act={act} />
        ))}
      </Card>
    </Page>
  );
}

/** One write and a refresh of the page's data; errors in the reader's words. */
function useAct(slug: string, id: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  async function run(path: string, body: unknown, done?: string) {
    setBusy(true);
    try {
      await api('POST', path, body);
      if (done) void message.success(t(done));
      await qc.invalidateQueries({ queryKey: ['activities', slug] });
      return true;
    } catch (err) {
      void message.error(errorText(err));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, run, base: challengePath(slug, id) };
}
type Act = ReturnType<typeof useAct>;

function CheckinCard({ c, me, act }: { c: ChallengeView; me: Me; act: Act }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [value, setValue] = useState<number | null>(null);
  const open = c.state === 'open' && me.calendar.some((d) => d.period === c.today);
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Space size="large" style={{ marginBottom: 12 }}>
        <Statistic title={t(`activities-ui:challenge.streakIn.${c.period}`)} value={me.streak} />
        <Statistic title={t('activities-ui:challenge.total')} value={me.total} />
        <Statistic title={t('activities-ui:challenge.completion')} value={me.completion} suffix="%" />
      </Space>
      {open && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {me.checkedToday && <Tag color="green">{t('activities-ui:challenge.checkedToday')}</Tag>}
          <Input.TextArea aria-label={t('activities-ui:challenge.textLabel')} placeholder={t('activities-ui:challenge.textPlaceholder')} rows={2} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
          {c.valueLabel && (
            <InputNumber aria-label={c.valueLabel} addonAfter={c.valueLabel} min={0} style={{ width: '100%' }} value={value} onChange={(v) => setValue(v)} />
          )}
          <Button
            type="primary"
            size="large"
            block
            loading={act.busy}
            onClick={async () => {
              const ok = await act.run(`${act.base}/checkins`, { ...(text.trim() ? { text } : {}), ...(value !== null ? { value } : {}) }, 'activities-ui:challenge.checkedToast');
              if (ok) setText('');
            }}
          >
            {me.checkedToday ? t('activities-ui:challenge.edit') : t('activities-ui:challenge.checkIn')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

const COLORS = { checked: '#1f6f5c', made_up: '#d48806', missed: '#f0f0f0', open: '#ffffff' } as const;

function Calendar({ c, me, act }: { c: ChallengeView; me: Me; act: Act }) {
  const { t, i18n } = useTranslation();
  const missed = me.calendar.filter((d) => d.state === 'missed').slice(-c.makeup.reach);
  return (
    <Card size="small" title={t('activities-ui:challenge.calendar')} extra={t('activities-ui:challenge.cardsLeft', { count: me.cardsLeft })}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 4 }} role="list" aria-label={t('activities-ui:challenge.calendar')}>
        {me.calendar.map((d) => (
          <div
            key={d.period}
            role="listitem"
            title={`${d.period} ${t(`activities-ui:day.${d.state}`)}`}
            aria-label={`${shortDay(d.period, i18n.language)} ${t(`activities-ui:day.${d.state}`)}`}
            style={{ background: COLORS[d.state], color: d.state === 'checked' ? '#fff' : undefined, border: '1px solid #d9d9d9', borderRadius: 6, padding: '6px 0', textAlign: 'center', fontSize: 12 }}
          >
            {Number(d.period.slice(8))}
          </div>
        ))}
      </div>
      {me.cardsLeft > 0 && missed.length > 0 && (
        <Space wrap style={{ marginTop: 8 }}>
          {missed.map((d) => (
            <Button key={d.period} size="small" loading={act.busy} onClick={() => void act.run(`${act.base}/checkins`, { makeUpFor: d.period }, 'activities-ui:challenge.madeUpToast')}>
              {t('activities-ui:challenge.makeUp', { day: shortDay(d.period, i18n.language) })}
            </Button>
          ))}
        </Space>
      )}
    </Card>
  );
}

function Leaderboard({ c }: { c: ChallengeView }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('activities-ui:challenge.leaderboard')} style={{ marginTop: 12 }}>
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => r.member.id}
        dataSource={c.leaderboard}
        scroll={{ x: true }}
        columns={[
          { title: '#', dataIndex: 'rank', width: 36 },
          { title: t('activities-ui:challenge.member'), render: (_, r) => r.member.displayName },
          { title: t('activities-ui:challenge.streak'), dataIndex: 'streak' },
          { title: t('activities-ui:challenge.total'), dataIndex: 'total' },
          { title: t('activities-ui:challenge.completion'), render: (_, r) => `${r.completion}%` },
        ]}
      />
    </Card>
  );
}

const CHEERS = ['👍', '💪', '🔥'];

function CheckinItem({ x, act }: { x: CheckinView; act: Act }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const path = `${act.base}/checkins/${x.id}/responses`;
  return (
    <div style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}>
      <Typography.Text strong>{x.member.displayName}</Typography.Text> <Typography.Text type="secondary">{x.period}</Typography.Text>
      {x.madeUp && <Tag style={{ marginLeft: 6 }}>{t('activities-ui:day.made_up')}</Tag>}
      {x.text && <Typography.Paragraph style={{ margin: '4px 0' }}>{x.text}</Typography.Paragraph>}
      {x.value !== null && <Typography.Paragraph style={{ margin: '4px 0' }}>{x.value}</Typography.Paragraph>}
      <Space wrap>
        {CHEERS.map((e) => {
          const r = x.reactions.find((y) => y.text === e);
          return (
            <Button key={e} size="small" type={r?.mine ? 'primary' : 'default'} onClick={() => void act.run(path, { kind: 'reaction', text: e })}>
              {e} {r?.count ?? ''}
            </Button>
          );
        })}
      </Space>
      {x.comments.map((cm) => (
        <div key={cm.id} style={{ fontSize: 13, marginTop: 4 }}>
          <Typography.Text strong>{cm.member.displayName}</Typography.Text> {cm.text}
        </div>
      ))}
      <Space.Compact style={{ width: '100%', marginTop: 6 }}>
        <Input size="small" aria-label={t('activities-ui:challenge.comment')} placeholder={t('activities-ui:challenge.comment')} value={comment} maxLength={1000} onChange={(e) => setComment(e.target.value)} />
        <Button
          size="small"
          disabled={!comment.trim()}
          onClick={async () => {
            if (await act.run(path, { kind: 'comment', text: comment })) setComment('');
          }}
        >
          {t('activities-ui:challenge.send')}
        </Button>
      </Space.Compact>
    </div>
  );
}
